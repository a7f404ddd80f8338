<?cs # The new-course and edit-course page. The edit page adds three forms
  of its own: classes, checklist items and follow-up courses. Failed names
  the form that was sent with invalid input ("course", "class",
  "checklist" or "followups"), so that only that form shows the summary.

  A text input with an optional hint below its label; hint and error get
  ids for aria-describedby.
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
  instructor and capacity. The same fields are on admin/class.cs.
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
<p class="breadcrumb"><a href="/admin/courses">Courses</a></p>
<h1><?cs if:Course.Id ?>Edit course <?cs var:Course.Code ?><?cs else ?>New course<?cs /if ?></h1>
<?cs if:Course.Id ?><p class="actions"><a class="button" href="/admin/courses/<?cs var:Course.Id ?>/content">Online content</a> <a class="button" href="/admin/courses/<?cs var:Course.Id ?>/assessment">Assessment</a></p><?cs /if ?>
<?cs if:Failed == "course" ?><?cs call:form_errors() ?><?cs /if ?>
<form class="form" method="post" action="/admin/courses<?cs if:Course.Id ?>/<?cs var:Course.Id ?><?cs /if ?>">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:course_input("code", "Code", "text", Form.code, Form.Errors.code, "1", "50", "Up to 50 letters A-Z, digits, hyphens (-), underscores (_) and full stops (.); unique among courses.") ?>
  <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "200") ?>
  <?cs call:field_textarea("description", "Description", Form.description, Form.Errors.description, "") ?>
  <div class="field<?cs if:Form.Errors.language ?> field-invalid<?cs /if ?>">
    <label for="language">Language</label>
    <select id="language" name="language"<?cs call:field_invalid_attrs("language", Form.Errors.language) ?>>
<?cs each:g = Languages ?>
      <option value="<?cs var:g.Code ?>"<?cs if:g.Code == Form.language ?> selected<?cs /if ?>><?cs var:g.Name ?></option>
<?cs /each ?>
    </select>
    <?cs call:field_error("language", Form.Errors.language) ?>
  </div>
  <?cs call:course_input("credit_hours", "Credit hours", "text", Form.credit_hours, Form.Errors.credit_hours, "", "6", "From 0 to 999.99, with at most two decimal places.") ?>
  <?cs call:course_input("passing_score", "Passing score (%)", "text", Form.passing_score, Form.Errors.passing_score, "1", "3", "A whole number from 0 to 100.") ?>
  <fieldset<?cs if:Form.Errors.kind ?> class="field-invalid" aria-describedby="kind-error"<?cs /if ?>>
    <legend>Kind</legend>
    <label class="check" for="kind-online"><input id="kind-online" name="kind" type="radio" value="online"<?cs if:Form.kind == "online" ?> checked<?cs /if ?>> Online</label>
    <label class="check" for="kind-ilt"><input id="kind-ilt" name="kind" type="radio" value="ilt"<?cs if:Form.kind == "ilt" ?> checked<?cs /if ?>> Instructor-led</label>
    <?cs call:field_error("kind", Form.Errors.kind) ?>
  </fieldset>
  <?cs call:field_checkbox("active", "Active (the course can be offered)", Form.active) ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/courses">Cancel</a>
  </div>
</form>
<?cs if:Course.Id ?>

<section id="classes" aria-labelledby="classes-title">
<h2 id="classes-title">Classes</h2>
<p class="form-note">Dated sessions of this course. Times are in the site time zone, <?cs var:Site.TimeZone ?>.</p>
<?cs if:subcount(Classes) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="classes-caption" tabindex="0">
<table class="data-table">
  <caption id="classes-caption">Classes of <?cs var:Course.Code ?></caption>
  <thead><tr>
    <th scope="col">Start</th>
    <th scope="col">End</th>
    <th scope="col">Location</th>
    <th scope="col">Instructor</th>
    <th scope="col" class="num">Capacity</th>
    <th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:k = Classes ?>
    <tr>
      <td><?cs var:k.StartDate ?> <?cs var:k.StartTime ?></td>
      <td><?cs var:k.EndDate ?> <?cs var:k.EndTime ?></td>
      <td><?cs var:k.Location ?></td>
      <td><?cs var:k.Instructor ?></td>
      <td class="num"><?cs if:k.Capacity ?><?cs var:k.Capacity ?><?cs else ?>No limit<?cs /if ?></td>
      <td class="row-actions">
        <a class="button button-small" href="/admin/classes/<?cs var:k.Id ?>">Edit<span class="visually-hidden"> the class of <?cs var:k.StartDate ?> <?cs var:k.StartTime ?></span></a>
        <form class="inline-form" method="post" action="/admin/classes/<?cs var:k.Id ?>/delete">
          <?cs call:csrf_field() ?>
          <button type="submit" class="button button-small button-danger">Delete<span class="visually-hidden"> the class of <?cs var:k.StartDate ?> <?cs var:k.StartTime ?></span></button>
        </form>
      </td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="empty-state">This course has no classes yet.</p>
<?cs /if ?>
<h3 id="class-add-title">Add a class</h3>
<?cs if:Failed == "class" ?><?cs call:form_errors() ?><?cs /if ?>
<form class="form" method="post" action="/admin/courses/<?cs var:Course.Id ?>/classes" aria-labelledby="class-add-title">
  <?cs call:csrf_field() ?>
  <?cs call:course_class_fields() ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Add class</button>
  </div>
</form>
</section>

<section id="checklist" aria-labelledby="checklist-title">
<h2 id="checklist-title">Checklist</h2>
<?cs if:subcount(Checklist) > 0 ?>
<ol>
<?cs each:item = Checklist ?>
  <li><?cs var:item.Text ?>
    <form class="inline-form" method="post" action="/admin/checklist/<?cs var:item.Id ?>/delete">
      <?cs call:csrf_field() ?>
      <button type="submit" class="button button-small button-danger">Delete<span class="visually-hidden"> item <?cs var:name(item) + 1 ?></span></button>
    </form>
  </li>
<?cs /each ?>
</ol>
<?cs else ?>
<p class="empty-state">This course has no checklist items yet.</p>
<?cs /if ?>
<?cs if:Failed == "checklist" ?><?cs call:form_errors() ?><?cs /if ?>
<form class="form" method="post" action="/admin/courses/<?cs var:Course.Id ?>/checklist">
  <?cs call:csrf_field() ?>
  <?cs call:field_text("checklist_text", "New item", Form.checklist_text, Form.Errors.checklist_text, "1", "500") ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Add item</button>
  </div>
</form>
</section>

<section id="followups" aria-labelledby="followups-title">
<h2 id="followups-title">Choose course(s) to be enrolled after completion</h2>
<p class="form-note">Prescriptive learning: when a learner passes, fails or completes this course, they are enrolled in the courses chosen here.</p>
<?cs if:Failed == "followups" ?><?cs call:form_errors() ?><?cs /if ?>
<?cs call:field_error("followups", Form.Errors.followups) ?>
<form method="post" action="/admin/courses/<?cs var:Course.Id ?>/followups">
  <?cs call:csrf_field() ?>
<?cs if:subcount(Followups) > 0 ?>
  <div class="table-wrap" role="region" aria-labelledby="followups-caption" tabindex="0">
  <table class="data-table">
    <caption id="followups-caption">Current follow-up courses</caption>
    <thead><tr>
      <th scope="col">Code</th>
      <th scope="col">Name</th>
      <th scope="col">Trigger</th>
      <th scope="col">Remove</th>
    </tr></thead>
    <tbody>
<?cs each:f = Followups ?>
      <tr>
        <td><?cs var:f.Code ?></td>
        <td><a href="/admin/courses/<?cs var:f.CourseId ?>"><?cs var:f.Name ?></a></td>
        <td><?cs if:f.Trigger == "fail" ?>On fail<?cs elif:f.Trigger == "complete" ?>On completion<?cs else ?>On pass<?cs /if ?></td>
        <td><label class="check" for="remove-<?cs name:f ?>"><input id="remove-<?cs name:f ?>" name="remove" type="checkbox" value="<?cs var:f.Key ?>"<?cs if:f.Remove ?> checked<?cs /if ?>><span class="visually-hidden">Remove <?cs var:f.Code ?> <?cs if:f.Trigger == "fail" ?>on fail<?cs elif:f.Trigger == "complete" ?>on completion<?cs else ?>on pass<?cs /if ?></span></label></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs else ?>
  <p class="empty-state">No follow-up courses yet.</p>
<?cs /if ?>
  <div class="table-wrap" role="region" aria-labelledby="followups-add-caption" tabindex="0">
  <table class="data-table">
    <caption id="followups-add-caption">Add follow-up courses</caption>
    <thead><tr>
      <th scope="col"><?cs if:FollowupByCode ?>Course code<?cs else ?>Course<?cs /if ?></th>
      <th scope="col">Trigger</th>
    </tr></thead>
    <tbody>
<?cs each:r = AddRows ?>
      <tr>
        <td class="field<?cs if:r.Error ?> field-invalid<?cs /if ?>">
<?cs if:FollowupByCode ?>
          <label class="visually-hidden" for="followup_code_<?cs var:r.N ?>">Course code, row <?cs var:r.N ?></label>
          <input id="followup_code_<?cs var:r.N ?>" name="followup_code_<?cs var:r.N ?>" type="text" maxlength="50" value="<?cs var:r.Code ?>"<?cs call:field_invalid_attrs("followup_code_" + r.N, r.Error) ?>>
          <?cs call:field_error("followup_code_" + r.N, r.Error) ?>
<?cs else ?>
          <label class="visually-hidden" for="followup_course_<?cs var:r.N ?>">Course, row <?cs var:r.N ?></label>
          <select id="followup_course_<?cs var:r.N ?>" name="followup_course_<?cs var:r.N ?>"<?cs call:field_invalid_attrs("followup_course_" + r.N, r.Error) ?>>
            <option value="">(none)</option>
<?cs each:o = FollowupChoices ?>
            <option value="<?cs var:o.Id ?>"<?cs if:o.Id == r.Course ?> selected<?cs /if ?>><?cs var:o.Code ?> — <?cs var:o.Name ?></option>
<?cs /each ?>
          </select>
          <?cs call:field_error("followup_course_" + r.N, r.Error) ?>
<?cs /if ?>
        </td>
        <td class="field<?cs if:r.TriggerError ?> field-invalid<?cs /if ?>">
          <label class="visually-hidden" for="followup_trigger_<?cs var:r.N ?>">Trigger, row <?cs var:r.N ?></label>
          <select id="followup_trigger_<?cs var:r.N ?>" name="followup_trigger_<?cs var:r.N ?>"<?cs call:field_invalid_attrs("followup_trigger_" + r.N, r.TriggerError) ?>>
            <option value="pass"<?cs if:r.Trigger == "pass" ?> selected<?cs /if ?>>On pass</option>
            <option value="fail"<?cs if:r.Trigger == "fail" ?> selected<?cs /if ?>>On fail</option>
            <option value="complete"<?cs if:r.Trigger == "complete" ?> selected<?cs /if ?>>On completion</option>
          </select>
          <?cs call:field_error("followup_trigger_" + r.N, r.TriggerError) ?>
        </td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save follow-up courses</button>
  </div>
</form>
</section>
<?cs /if ?>
<?cs /def ?>
