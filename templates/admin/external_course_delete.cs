<?cs # The confirmation step of deleting an external course of a user.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a> › <a href="/admin/users/<?cs var:User.Id ?>/external">External courses</a></p>
<?cs with:e = Records.0 ?>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="delete-title">
  <h1 id="delete-title">Delete this external course?</h1>
  <dl class="details">
    <dt>Learner</dt><dd><?cs var:User.Name ?> (<?cs var:User.Login ?>)</dd>
    <dt>Title</dt><dd><?cs var:e.Title ?></dd>
    <dt>Provider</dt><dd><?cs if:e.Provider ?><?cs var:e.Provider ?><?cs else ?>Not set<?cs /if ?></dd>
    <dt>From</dt><dd><?cs var:e.StartsOn ?></dd>
    <dt>To</dt><dd><?cs if:e.EndsOn ?><?cs var:e.EndsOn ?><?cs else ?>Not set<?cs /if ?></dd>
    <dt>Status</dt><dd><?cs if:e.Status == "completed" ?>Completed<?cs elif:e.Status == "failed" ?>Failed<?cs else ?>In progress<?cs /if ?></dd>
  </dl>
  <p>The course is removed from the learner's record. This cannot be undone.</p>
  <form method="post" action="/admin/users/<?cs var:User.Id ?>/external/delete" class="dialog-actions">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="record" value="<?cs var:e.Id ?>">
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/external">Keep it</a>
    <button type="submit" class="button button-danger">Delete</button>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>
