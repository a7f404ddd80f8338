<?cs # Select Courses: the courses of the version with requirement and
  order, and a searchable, paged list of active courses to add. Save
  replaces the whole set and numbers the order 1..n.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/certifications">Certifications</a> › <a href="/admin/certifications/<?cs var:Cert.Id ?>"><?cs var:Cert.Name ?></a></p>
<h1>Select Courses</h1>
<p class="lead">Courses of <strong><?cs var:Cert.Name ?></strong> (version <?cs var:Cert.Version ?>). Required electives: <?cs var:Cert.RequiredElectives ?>.</p>
<?cs if:Cert.ReadOnly ?>
<div class="flash flash-info" role="status">This is an older version and is read-only. <a href="/admin/certifications/<?cs var:Cert.NewestId ?>/courses">Select the courses of the newest version</a>.</div>
<?cs /if ?>
<form class="toolbar" method="get" action="/admin/certifications/<?cs var:Cert.Id ?>/courses" role="search">
  <div class="field"><label for="list-q">Code or name starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <button type="submit" class="button button-primary">Search</button>
</form>
<?cs call:form_errors() ?>
<?cs if:Form.Errors.courses ?><p class="field-error" id="courses-error" role="alert"><?cs var:Form.Errors.courses ?></p><?cs /if ?>
<form method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/courses">
  <?cs call:csrf_field() ?>
  <fieldset<?cs if:Cert.ReadOnly ?> disabled<?cs /if ?>>
  <legend class="visually-hidden">Courses</legend>
  <div class="table-wrap" role="region" aria-labelledby="current-caption" tabindex="0">
  <table class="data-table">
    <caption id="current-caption">Courses in this certification</caption>
    <thead><tr><th scope="col">Order</th><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Requirement</th><th scope="col">Remove</th></tr></thead>
    <tbody>
<?cs each:c = Current ?>
      <tr>
        <td<?cs if:c.PositionError ?> class="field-invalid"<?cs /if ?>>
          <label class="visually-hidden" for="position_<?cs var:c.CourseId ?>">Order of <?cs var:c.Code ?></label>
          <input id="position_<?cs var:c.CourseId ?>" name="position_<?cs var:c.CourseId ?>" type="number" inputmode="numeric" min="1" max="9999" value="<?cs var:c.Position ?>"<?cs call:field_invalid_attrs("position_" + c.CourseId, c.PositionError) ?>>
          <?cs call:field_error("position_" + c.CourseId, c.PositionError) ?>
        </td>
        <td><?cs var:c.Code ?></td>
        <td><?cs var:c.Name ?><?cs if:c.Active != "1" ?> <span class="muted small">(inactive)</span><?cs /if ?></td>
        <td<?cs if:c.RequirementError ?> class="field-invalid"<?cs /if ?>>
          <label class="visually-hidden" for="requirement_<?cs var:c.CourseId ?>">Requirement of <?cs var:c.Code ?></label>
          <select id="requirement_<?cs var:c.CourseId ?>" name="requirement_<?cs var:c.CourseId ?>"<?cs call:field_invalid_attrs("requirement_" + c.CourseId, c.RequirementError) ?>>
<?cs each:r = Requirements ?>
            <option value="<?cs var:r.Key ?>"<?cs if:c.Requirement == r.Key ?> selected<?cs /if ?>><?cs var:r.Label ?></option>
<?cs /each ?>
          </select>
          <?cs call:field_error("requirement_" + c.CourseId, c.RequirementError) ?>
        </td>
        <td><input id="remove-<?cs var:c.CourseId ?>" name="remove" type="checkbox" value="<?cs var:c.CourseId ?>"<?cs if:c.Remove ?> checked<?cs /if ?> aria-label="Remove <?cs var:c.Code ?>"></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs if:subcount(Current) == 0 ?>
  <p class="muted">No courses yet. Check courses below to add them.</p>
<?cs /if ?>
  <p class="field-hint">Order is a number; saving sorts the courses by it and renumbers them 1, 2, 3 and so on. Added courses go to the end as Not Applicable.</p>
  <div class="table-wrap" role="region" aria-labelledby="candidates-caption" tabindex="0">
  <table class="data-table">
    <caption id="candidates-caption">Courses to add</caption>
    <thead><tr><th scope="col">Add</th><th scope="col">Code</th><th scope="col">Name</th></tr></thead>
    <tbody>
<?cs each:c = Candidates ?>
      <tr>
        <td><input id="add-<?cs var:c.CourseId ?>" name="add" type="checkbox" value="<?cs var:c.CourseId ?>"<?cs if:c.Checked ?> checked<?cs /if ?>></td>
        <td><label for="add-<?cs var:c.CourseId ?>"><?cs var:c.Code ?></label></td>
        <td><?cs var:c.Name ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs call:field_error("add", Form.Errors.add) ?>
  </fieldset>
<?cs if:!Cert.ReadOnly ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/certifications/<?cs var:Cert.Id ?>">Back to the certification</a>
  </div>
<?cs /if ?>
</form>
<?cs call:pager("/admin/certifications/" + Cert.Id + "/courses") ?>
<?cs /def ?>
