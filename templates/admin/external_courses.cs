<?cs # The external courses of a user: courses taken with another provider.
?><?cs def:external_status(status) ?><?cs
  if:status == "completed" ?><?cs call:status_badge("completed") ?><?cs
  elif:status == "failed" ?><?cs call:status_badge("failed") ?><?cs
  else ?><?cs call:status_badge("in-progress") ?><?cs /if ?><?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a> › <a href="/admin/users/<?cs var:User.Id ?>/registrations">Manage Course Registrations</a></p>
<div class="page-header">
  <h1>External courses</h1>
  <div class="actions"><a class="button button-primary" href="/admin/users/<?cs var:User.Id ?>/external/new">Add external course</a></div>
</div>
<p><?cs var:User.Name ?> (<?cs var:User.Login ?>)</p>
<p class="form-note">Courses taken with another provider are part of the learner's record. No certification counts them.</p>
<?cs if:subcount(Records) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="external-caption" tabindex="0">
<table class="data-table">
  <caption id="external-caption">External courses of <?cs var:User.Name ?>, latest first</caption>
  <thead><tr>
    <th scope="col">Title</th><th scope="col">Provider</th>
    <th scope="col">From</th><th scope="col">To</th>
    <th scope="col">Status</th><th scope="col">Attended</th>
    <th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:e = Records ?>
    <tr>
      <td><?cs var:e.Title ?></td>
      <td><?cs if:e.Provider ?><?cs var:e.Provider ?><?cs else ?><span class="muted">Not set</span><?cs /if ?></td>
      <td><?cs var:e.StartsOn ?></td>
      <td><?cs if:e.EndsOn ?><?cs var:e.EndsOn ?><?cs else ?><span class="muted">Not set</span><?cs /if ?></td>
      <td><?cs call:external_status(e.Status) ?></td>
      <td><?cs if:e.Attended == "yes" ?>Yes<?cs else ?>No<?cs /if ?></td>
      <td class="row-actions">
        <a href="/admin/users/<?cs var:User.Id ?>/external/edit?record=<?cs var:e.Id ?>">Edit<span class="visually-hidden"> <?cs var:e.Title ?></span></a>
        <a href="/admin/users/<?cs var:User.Id ?>/external/delete?record=<?cs var:e.Id ?>">Delete<span class="visually-hidden"> <?cs var:e.Title ?></span></a>
      </td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<div class="empty-state">
  <p>No external courses are recorded for this user.</p>
  <p><a class="button button-primary" href="/admin/users/<?cs var:User.Id ?>/external/new">Add external course</a></p>
</div>
<?cs /if ?>
<?cs /def ?>
