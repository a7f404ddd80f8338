<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users/<?cs var:User.Id ?>/registrations">Manage Course Registrations</a></p>
<h1>Cancel a registration</h1>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="cancel-title">
  <h2 id="cancel-title">Cancel <?cs var:Enrolment.Name ?> for <?cs var:User.Name ?>?</h2>
  <p>The registration moves to Cancelled with today's date. Course results already recorded stay in the transcript. The user can be enrolled again later.</p>
  <form method="post" action="/admin/users/<?cs var:User.Id ?>/registrations/cancel" class="dialog-actions">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="enrollment" value="<?cs var:Enrolment.Id ?>">
    <button type="submit" class="button button-danger">Cancel registration</button>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/registrations">Keep it</a>
  </form>
</section>
<?cs /def ?>
