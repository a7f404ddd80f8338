<?cs # Record results: a user's course registrations with a result form per
  course. Each row's fields belong to the form in its last cell through
  the form attribute, so the row works without JavaScript. After invalid
  input, the row of the course in Form.course shows the input and the
  messages; the other rows show the defaults.
?><?cs def:registration_status(status) ?><?cs
  if:status == "completed" ?><?cs call:status_badge("completed") ?><?cs
  elif:status == "in_progress" ?><?cs call:status_badge("in-progress") ?><?cs
  elif:status == "failed" ?><?cs call:status_badge("failed") ?><?cs
  elif:status == "cancelled" ?><?cs call:status_badge("Cancelled") ?><?cs
  else ?><?cs call:status_badge("Registered") ?><?cs /if ?><?cs /def ?><?cs #

  The attributes of a row's field: its form, and the error it describes.
?><?cs def:row_field_attrs(id, form, error) ?> form="<?cs var:form ?>"<?cs
  call:field_invalid_attrs(id, error) ?><?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a> › <a href="/admin/users/<?cs var:User.Id ?>/registrations">Manage Course Registrations</a></p>
<h1>Record results</h1>
<p><?cs var:User.Name ?> (<?cs var:User.Login ?>)</p>
<p class="form-note">A result recorded here counts like one the learner earns: it updates the course, registers the learner in its follow-up courses, and completes the certifications whose rules it meets. A completed course stays completed when a later attempt fails. The score is a percentage with at most two decimal places and may be left empty. The date is the day of the result, not in the future.</p>
<?cs call:form_errors() ?>
<?cs if:subcount(Registrations) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="results-caption" tabindex="0">
<table class="data-table">
  <caption id="results-caption">Course registrations of <?cs var:User.Name ?></caption>
  <thead><tr>
    <th scope="col">Course</th>
    <th scope="col">Current result</th>
    <th scope="col">New status <span class="required-marker" aria-hidden="true">*</span></th>
    <th scope="col">Score (%)</th>
    <th scope="col">Date <span class="required-marker" aria-hidden="true">*</span></th>
    <th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:r = Registrations ?><?cs
  if:Form.course == r.CourseId ?><?cs set:row_invalid = "1" ?><?cs else ?><?cs set:row_invalid = "" ?><?cs /if ?>
    <tr>
      <td><?cs var:r.Name ?> <span class="muted"><?cs var:r.Code ?></span><br><span class="muted small">Passing score <?cs var:r.PassingScore ?>%</span></td>
      <td><?cs call:registration_status(r.Status) ?><?cs
        if:r.Score ?><br><span class="small">Score <?cs var:r.Score ?>%</span><?cs /if ?><?cs
        if:r.CompletedOn ?><br><span class="small"><?cs if:r.Status == "failed" ?>Failed<?cs else ?>Completed<?cs /if ?> on <?cs var:r.CompletedOn ?></span><?cs /if ?><?cs
        if:r.CancelledOn ?><br><span class="small">Cancelled on <?cs var:r.CancelledOn ?></span><?cs /if ?></td>
      <td>
        <label class="visually-hidden" for="status-<?cs var:r.CourseId ?>">New status of <?cs var:r.Name ?></label>
        <select id="status-<?cs var:r.CourseId ?>" name="status" required<?cs if:row_invalid ?><?cs call:row_field_attrs("status-" + r.CourseId, "result-" + r.CourseId, Form.Errors.status) ?><?cs else ?> form="result-<?cs var:r.CourseId ?>"<?cs /if ?>>
          <option value="">Choose…</option>
          <option value="completed"<?cs if:row_invalid && Form.status == "completed" ?> selected<?cs /if ?>>Completed</option>
          <option value="failed"<?cs if:row_invalid && Form.status == "failed" ?> selected<?cs /if ?>>Failed</option>
          <option value="in_progress"<?cs if:row_invalid && Form.status == "in_progress" ?> selected<?cs /if ?>>In progress</option>
        </select>
        <?cs if:row_invalid ?><?cs call:field_error("status-" + r.CourseId, Form.Errors.status) ?><?cs /if ?>
      </td>
      <td>
        <label class="visually-hidden" for="score-<?cs var:r.CourseId ?>">Score of <?cs var:r.Name ?>, in percent</label>
        <input id="score-<?cs var:r.CourseId ?>" name="score" type="text" inputmode="decimal" maxlength="6" value="<?cs if:row_invalid ?><?cs var:Form.score ?><?cs /if ?>"<?cs if:row_invalid ?><?cs call:row_field_attrs("score-" + r.CourseId, "result-" + r.CourseId, Form.Errors.score) ?><?cs else ?> form="result-<?cs var:r.CourseId ?>"<?cs /if ?>>
        <?cs if:row_invalid ?><?cs call:field_error("score-" + r.CourseId, Form.Errors.score) ?><?cs /if ?>
      </td>
      <td>
        <label class="visually-hidden" for="date-<?cs var:r.CourseId ?>">Date of the result of <?cs var:r.Name ?></label>
        <input id="date-<?cs var:r.CourseId ?>" name="date" type="date" required max="<?cs var:Today ?>" value="<?cs if:row_invalid ?><?cs var:Form.date ?><?cs else ?><?cs var:Today ?><?cs /if ?>"<?cs if:row_invalid ?><?cs call:row_field_attrs("date-" + r.CourseId, "result-" + r.CourseId, Form.Errors.date) ?><?cs else ?> form="result-<?cs var:r.CourseId ?>"<?cs /if ?>>
        <?cs if:row_invalid ?><?cs call:field_error("date-" + r.CourseId, Form.Errors.date) ?><?cs /if ?>
      </td>
      <td class="row-actions">
        <form id="result-<?cs var:r.CourseId ?>" class="inline-form" method="post" action="/admin/users/<?cs var:User.Id ?>/results">
          <?cs call:csrf_field() ?>
          <input type="hidden" name="course" value="<?cs var:r.CourseId ?>">
          <button type="submit" class="button button-small button-primary">Record<span class="visually-hidden"> the result of <?cs var:r.Name ?></span></button>
        </form>
<?cs if:r.Cancellable == "1" ?>
        <a class="button button-small" href="/admin/users/<?cs var:User.Id ?>/results/cancel?course=<?cs var:r.CourseId ?>">Cancel registration<span class="visually-hidden"> in <?cs var:r.Name ?></span></a>
<?cs /if ?>
      </td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">This user is not registered in any course. Enrol them in a certification or course group with Add Courseware on Manage Course Registrations.</p>
<?cs /if ?>
<?cs /def ?>
