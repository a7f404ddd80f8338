<?cs # The learners of a class with their attendance, and the form that
  records a status and a date for the ticked learners.
?><?cs def:attendance_name(status) ?><?cs
  if:status == "attended" ?>Attended<?cs
  elif:status == "completed" ?>Completed<?cs
  elif:status == "no_show" ?>No-show<?cs
  elif:status == "cancelled" ?>Cancelled<?cs /if ?><?cs /def ?><?cs #

?><?cs def:registration_name(status) ?><?cs
  if:status == "completed" ?><?cs call:status_badge("completed") ?><?cs
  elif:status == "in_progress" ?><?cs call:status_badge("in-progress") ?><?cs
  elif:status == "failed" ?><?cs call:status_badge("failed") ?><?cs
  elif:status == "cancelled" ?><?cs call:status_badge("Cancelled") ?><?cs
  else ?><?cs call:status_badge("Registered") ?><?cs /if ?><?cs /def ?><?cs #

?><?cs def:status_radio(value, label, hint) ?><label class="check" for="status-<?cs var:value ?>"><input id="status-<?cs var:value ?>" name="status" type="radio" value="<?cs var:value ?>" required<?cs if:Form.status == value ?> checked<?cs /if ?>> <span><?cs var:label ?> <span class="muted small"><?cs var:hint ?></span></span></label><?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses">Courses</a> › <a href="/admin/courses/<?cs var:Class.CourseId ?>#classes"><?cs var:Class.CourseCode ?> <?cs var:Class.CourseName ?></a> › <a href="/admin/classes/<?cs var:Class.Id ?>">Class of <?cs var:Class.StartDate ?></a></p>
<div class="page-header">
  <h1>Attendance</h1>
  <div class="actions"><a class="button" href="/admin/classes/<?cs var:Class.Id ?>/learners">Add learners</a></div>
</div>
<dl class="details">
  <dt>Course</dt><dd><?cs var:Class.CourseCode ?> <?cs var:Class.CourseName ?></dd>
  <dt>Start</dt><dd><?cs var:Class.StartDate ?> <?cs var:Class.StartTime ?></dd>
  <dt>End</dt><dd><?cs var:Class.EndDate ?> <?cs var:Class.EndTime ?></dd>
  <dt>Location</dt><dd><?cs if:Class.Location ?><?cs var:Class.Location ?><?cs else ?><span class="muted">Not set</span><?cs /if ?></dd>
  <dt>Instructor</dt><dd><?cs if:Class.Instructor ?><?cs var:Class.Instructor ?><?cs else ?><span class="muted">Not set</span><?cs /if ?></dd>
  <dt>Learners</dt><dd><?cs var:Class.Learners ?><?cs if:Class.Capacity > 0 ?> of <?cs var:Class.Capacity ?> seats<?cs else ?> (no seat limit)<?cs /if ?>, not counting cancelled registrations</dd>
</dl>
<p class="form-note">Times are in the site time zone, <?cs var:Site.TimeZone ?>.</p>
<?cs if:subcount(Learners) > 0 ?>
<?cs call:form_errors() ?>
<form method="post" action="/admin/classes/<?cs var:Class.Id ?>/attendance">
  <?cs call:csrf_field() ?>
  <fieldset<?cs if:Form.Errors.learner ?> class="field-invalid" aria-describedby="learner-error"<?cs /if ?>>
  <legend class="visually-hidden">Learners to record</legend>
  <div class="table-wrap" role="region" aria-labelledby="learners-caption" tabindex="0">
  <table class="data-table">
    <caption id="learners-caption">Learners of the class</caption>
    <thead><tr>
      <th scope="col">Select</th><th scope="col">Learner</th>
      <th scope="col">Course registration</th><th scope="col">Attendance</th>
    </tr></thead>
    <tbody>
<?cs each:l = Learners ?>
      <tr>
        <td><input type="checkbox" name="learner" value="<?cs var:l.UserId ?>" id="learner-<?cs var:l.UserId ?>"<?cs if:l.Selected == "1" ?> checked<?cs /if ?>></td>
        <td><label for="learner-<?cs var:l.UserId ?>"><?cs var:l.Name ?></label> <span class="muted"><?cs var:l.Login ?></span></td>
        <td><?cs call:registration_name(l.Registration) ?></td>
        <td><?cs if:l.Status ?><?cs call:attendance_name(l.Status) ?> on <?cs var:l.StatusOn ?><?cs if:l.RecordedBy ?><br><span class="muted small">Recorded by <?cs var:l.RecordedBy ?></span><?cs /if ?><?cs else ?><span class="muted">Not recorded</span><?cs /if ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs call:field_error("learner", Form.Errors.learner) ?>
  </fieldset>
  <h2>Record for the ticked learners</h2>
  <div class="form">
    <p class="form-note">Fields marked * are required.</p>
    <fieldset<?cs if:Form.Errors.status ?> class="field-invalid" aria-describedby="status-error"<?cs /if ?>>
      <legend>Status <span class="required-marker" aria-hidden="true">*</span></legend>
      <?cs call:status_radio("attended", "Attended", "The learner took part in the class.") ?>
      <?cs call:status_radio("completed", "Completed", "Also records the course as completed on the date, which can complete certifications.") ?>
      <?cs call:status_radio("no_show", "No-show", "The learner did not come.") ?>
      <?cs call:status_radio("cancelled", "Cancelled", "Also cancels the learner's course registration, unless the course is completed.") ?>
      <?cs call:field_error("status", Form.Errors.status) ?>
    </fieldset>
    <div class="field<?cs if:Form.Errors.date ?> field-invalid<?cs /if ?>">
      <label for="date">Date <span class="required-marker" aria-hidden="true">*</span></label>
      <p class="field-hint" id="date-hint">The day the status applies to, not in the future.</p>
      <input id="date" name="date" type="date" required max="<?cs var:Today ?>" value="<?cs var:Form.date ?>"<?cs
        if:Form.Errors.date ?> aria-invalid="true" aria-describedby="date-hint date-error"<?cs
        else ?> aria-describedby="date-hint"<?cs /if ?>>
      <?cs call:field_error("date", Form.Errors.date) ?>
    </div>
    <div class="form-actions">
      <button type="submit" class="button button-primary">Record attendance</button>
    </div>
  </div>
</form>
<?cs else ?>
<div class="empty-state">
  <p>No learners are in this class yet.</p>
  <p><a class="button button-primary" href="/admin/classes/<?cs var:Class.Id ?>/learners">Add learners</a></p>
</div>
<?cs /if ?>
<?cs /def ?>
