<?cs # The confirmation step of cancelling one course registration of a user.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a> › <a href="/admin/users/<?cs var:User.Id ?>/results">Record results</a></p>
<?cs with:r = Registrations.0 ?>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="cancel-title">
  <h1 id="cancel-title">Cancel the registration in <?cs var:r.Name ?>?</h1>
  <dl class="details">
    <dt>Learner</dt><dd><?cs var:User.Name ?> (<?cs var:User.Login ?>)</dd>
    <dt>Course</dt><dd><?cs var:r.Code ?> <?cs var:r.Name ?></dd>
    <dt>Status</dt><dd><?cs if:r.Status == "in_progress" ?>In progress<?cs elif:r.Status == "failed" ?>Failed<?cs else ?>Registered<?cs /if ?><?cs if:r.Score ?>, score <?cs var:r.Score ?>%<?cs /if ?></dd>
    <dt>Registered on</dt><dd><?cs var:r.RegisteredOn ?></dd>
  </dl>
  <p>The registration moves to Cancelled with today's date, <?cs var:Today ?>, and its score stays in the record. Recording a result for the course later registers the learner again.</p>
  <form method="post" action="/admin/users/<?cs var:User.Id ?>/results/cancel" class="dialog-actions">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="course" value="<?cs var:r.CourseId ?>">
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/results">Keep it</a>
    <button type="submit" class="button button-danger">Cancel registration</button>
  </form>
</section>
<?cs /with ?>
<?cs /def ?>
