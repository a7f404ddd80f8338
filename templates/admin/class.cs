<?cs # The edit page of one class of a course. The course_input and
  course_class_fields macros are the same as in admin/course.cs, because
  each page template is parsed on its own.
?><?cs def:course_input(id, label, type, value, error, required, maxlength, hint) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <label for="<?cs var:id ?>"><?cs var:label ?><?cs if:required ?> <span class="required-marker" aria-hidden="true">*</span><?cs /if ?></label>
  <?cs if:hint ?><p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p><?cs /if ?>
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="<?cs var:type ?>" value="<?cs var:value ?>"<?cs if:maxlength ?> maxlength="<?cs var:maxlength ?>"<?cs /if ?><?cs if:required ?> required<?cs /if ?><?cs
  if:error ?> aria-invalid="true"<?cs /if ?><?cs
  if:hint && error ?> aria-describedby="<?cs var:id ?>-hint <?cs var:id ?>-error"<?cs
  elif:hint ?> aria-describedby="<?cs var:id ?>-hint"<?cs
  elif:error ?> aria-describedby="<?cs var:id ?>-error"<?cs /if ?>>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs #

  The fields of a class: start and end (a date and a time each), location,
  instructor and capacity. The same fields are on admin/course.cs.
?><?cs def:course_class_fields() ?>
  <fieldset>
    <legend>Start <span class="required-marker" aria-hidden="true">*</span></legend>
    <div class="toolbar">
      <?cs call:course_input("class_start_date", "Date", "date", Form.class_start_date, Form.Errors.class_start_date, "1", "", "") ?>
      <?cs call:course_input("class_start_time", "Time", "time", Form.class_start_time, Form.Errors.class_start_time, "1", "", "") ?>
    </div>
  </fieldset>
  <fieldset>
    <legend>End <span class="required-marker" aria-hidden="true">*</span></legend>
    <div class="toolbar">
      <?cs call:course_input("class_end_date", "Date", "date", Form.class_end_date, Form.Errors.class_end_date, "1", "", "") ?>
      <?cs call:course_input("class_end_time", "Time", "time", Form.class_end_time, Form.Errors.class_end_time, "1", "", "") ?>
    </div>
  </fieldset>
  <?cs call:field_text("class_location", "Location", Form.class_location, Form.Errors.class_location, "", "200") ?>
  <?cs call:field_text("class_instructor", "Instructor", Form.class_instructor, Form.Errors.class_instructor, "", "200") ?>
  <?cs call:course_input("class_capacity", "Capacity (seats)", "text", Form.class_capacity, Form.Errors.class_capacity, "", "6", "A whole number from 1 to 100000; leave empty for no limit.") ?>
<?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses">Courses</a> › <a href="/admin/courses/<?cs var:Course.Id ?>#classes"><?cs var:Course.Code ?> <?cs var:Course.Name ?></a></p>
<div class="page-header">
  <h1>Edit class</h1>
  <div class="actions"><a class="button" href="/admin/classes/<?cs var:Class.Id ?>/attendance">Learners and attendance</a></div>
</div>
<p class="form-note">Times are in the site time zone, <?cs var:Site.TimeZone ?>.</p>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/classes/<?cs var:Class.Id ?>">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:course_class_fields() ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/courses/<?cs var:Course.Id ?>#classes">Cancel</a>
  </div>
</form>
<?cs /def ?>
