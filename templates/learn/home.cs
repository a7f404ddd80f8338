<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>My training</h1>
<p class="lead">Welcome, <?cs var:Session.Name ?>.</p>
<div class="empty-state">
  <p>You are not enrolled in any training yet.</p>
  <p class="muted">When an administrator enrols you in a course or certification, it appears here.</p>
</div>
<?cs /def ?>
