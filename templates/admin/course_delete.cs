<?cs # The confirmation step of deleting a class (Confirm.What "class") or a
  checklist item ("checklist") of a course. The button sends the same POST
  again with confirm=yes.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses">Courses</a> › <a href="/admin/courses/<?cs var:Course.Id ?>"><?cs var:Course.Code ?> <?cs var:Course.Name ?></a></p>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="confirm-title">
<?cs if:Confirm.What == "class" ?>
  <h1 id="confirm-title">Delete this class?</h1>
  <dl class="details">
    <dt>Course</dt><dd><?cs var:Course.Code ?> <?cs var:Course.Name ?></dd>
    <dt>Start</dt><dd><?cs var:Class.StartDate ?> <?cs var:Class.StartTime ?> (<?cs var:Site.TimeZone ?>)</dd>
    <dt>Location</dt><dd><?cs if:Class.Location ?><?cs var:Class.Location ?><?cs else ?>Not set<?cs /if ?></dd>
    <dt>Instructor</dt><dd><?cs if:Class.Instructor ?><?cs var:Class.Instructor ?><?cs else ?>Not set<?cs /if ?></dd>
    <dt>Learners registered</dt><dd><?cs var:Class.Registered ?></dd>
  </dl>
  <p>The class is removed from the course. This cannot be undone.<?cs if:Class.Registered > 0 ?> The learners registered in it stay registered in the course, without a class.<?cs /if ?></p>
<?cs else ?>
  <h1 id="confirm-title">Delete this checklist item?</h1>
  <dl class="details">
    <dt>Course</dt><dd><?cs var:Course.Code ?> <?cs var:Course.Name ?></dd>
    <dt>Item</dt><dd><?cs var:Item.Text ?></dd>
  </dl>
  <p>The item is removed from the course's checklist. This cannot be undone.</p>
<?cs /if ?>
  <form method="post" action="<?cs var:Confirm.Action ?>" class="dialog-actions">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="confirm" value="yes">
    <a class="button" href="/admin/courses/<?cs var:Course.Id ?><?cs if:Confirm.What == "class" ?>#classes<?cs else ?>#checklist<?cs /if ?>">Cancel</a>
    <button type="submit" class="button button-danger">Delete</button>
  </form>
</section>
<?cs /def ?>
