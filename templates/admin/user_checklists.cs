<?cs # The courses of a user that have a checklist, with the ticked count.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a> › <a href="/admin/users/<?cs var:User.Id ?>/registrations">Manage Course Registrations</a></p>
<h1>Checklists</h1>
<p><?cs var:User.Name ?> (<?cs var:User.Login ?>)</p>
<?cs if:subcount(Courses) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="checklists-caption" tabindex="0">
<table class="data-table">
  <caption id="checklists-caption">Courses of <?cs var:User.Name ?> with a checklist</caption>
  <thead><tr><th scope="col">Course</th><th scope="col">Registration</th><th scope="col">Ticked</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
<?cs each:c = Courses ?>
    <tr>
      <td><?cs var:c.Name ?> <span class="muted"><?cs var:c.Code ?></span></td>
      <td><?cs if:c.Status == "completed" ?><?cs call:status_badge("completed") ?><?cs elif:c.Status == "in_progress" ?><?cs call:status_badge("in-progress") ?><?cs elif:c.Status == "failed" ?><?cs call:status_badge("failed") ?><?cs elif:c.Status == "cancelled" ?><?cs call:status_badge("Cancelled") ?><?cs else ?><?cs call:status_badge("Registered") ?><?cs /if ?></td>
      <td><?cs call:meter(c.Ticked, c.Items, "Items ticked") ?> <span class="small"><?cs var:c.Ticked ?> of <?cs var:c.Items ?></span></td>
      <td class="row-actions"><a href="/admin/users/<?cs var:User.Id ?>/checklist?course=<?cs var:c.Id ?>">Open checklist<span class="visually-hidden"> of <?cs var:c.Name ?></span></a></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">None of this user's courses has a checklist.</p>
<?cs /if ?>
<?cs /def ?>
