<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a></p>
<div class="page-header">
  <h1>Manage Course Registrations</h1>
  <div class="actions"><a class="button button-primary" href="/admin/users/<?cs var:User.Id ?>/courseware">Add Courseware</a>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/transcript">View Transcript</a>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/results">Record results</a>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/external">External courses</a>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/checklist">Checklists</a></div>
</div>
<p><?cs var:User.Name ?> (<?cs var:User.Login ?>)</p>
<?cs if:subcount(Enrolled) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="reg-caption" tabindex="0">
<table class="data-table">
  <caption id="reg-caption">Subscribed courseware</caption>
  <thead><tr>
    <th scope="col">Certification or course group</th><th scope="col">Status</th>
    <th scope="col">Enrolled on</th><th scope="col">Complete by</th>
    <th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:e = Enrolled ?>
    <tr<?cs if:e.Overdue == "1" ?> class="row-overdue"<?cs /if ?>>
      <td><?cs var:e.Name ?> <span class="muted">version <?cs var:e.Version ?><?cs if:e.CourseGroup == "1" ?>, course group<?cs /if ?></span></td>
      <td><?cs if:e.Status == "completed" ?><?cs call:status_badge("completed") ?><?cs elif:e.Status == "expired" ?><?cs call:status_badge("expired") ?><?cs elif:e.Status == "revoked" ?><?cs call:status_badge("revoked") ?><?cs else ?><?cs call:status_badge("in-progress") ?><?cs /if ?></td>
      <td><?cs var:e.EnrolledOn ?></td>
      <td><?cs if:e.CompleteBy ?><?cs var:e.CompleteBy ?><?cs if:e.Overdue == "1" ?> <strong class="overdue">Overdue</strong><?cs /if ?><?cs else ?><span class="muted">No limit</span><?cs /if ?></td>
      <td class="row-actions"><a href="/admin/users/<?cs var:User.Id ?>/registrations/cancel?enrollment=<?cs var:e.Id ?>">Cancel</a></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">This user is not enrolled in any certification or course group.</p>
<?cs /if ?>
<?cs if:subcount(OwnCourses) > 0 ?>
<h2>Independent courses</h2>
<div class="table-wrap" role="region" aria-label="Independent courses" tabindex="0">
<table class="data-table">
  <thead><tr><th scope="col">Course</th><th scope="col">Status</th><th scope="col">Registered on</th></tr></thead>
  <tbody>
<?cs each:c = OwnCourses ?>
    <tr><td><?cs var:c.Name ?> <span class="muted"><?cs var:c.Code ?></span></td><td><?cs var:c.Status ?></td><td><?cs var:c.RegisteredOn ?></td></tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs /if ?>
<?cs /def ?>
