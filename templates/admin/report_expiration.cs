<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/reports">Reports</a></p>
<h1>Certification Expiration Report</h1>
<?cs if:Report.Shown ?>
<p class="lead"><?cs var:Report.Count ?> <?cs if:Report.Count == 1 ?>certification expires<?cs else ?>certifications expire<?cs /if ?> from <?cs var:Form.start ?> to <?cs var:Form.end ?>, both days included<?cs
  if:Form.certification ?>, in <?cs each:f = Families ?><?cs if:f.Id == Form.certification ?><?cs var:f.Name ?><?cs /if ?><?cs /each ?><?cs else ?>, in all certifications<?cs /if ?>.</p>
<div class="actions">
  <a class="button" href="/admin/reports/expiration?edit=1&amp;start=<?cs var:url_escape(Form.start) ?>&amp;end=<?cs var:url_escape(Form.end) ?>&amp;certification=<?cs var:url_escape(Form.certification) ?>&amp;sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?>">Edit Report</a>
  <form class="inline-form" method="post" action="/admin/reports/expiration/csv">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="start" value="<?cs var:Form.start ?>">
    <input type="hidden" name="end" value="<?cs var:Form.end ?>">
    <input type="hidden" name="certification" value="<?cs var:Form.certification ?>">
    <input type="hidden" name="sort" value="<?cs var:List.sort ?>">
    <input type="hidden" name="dir" value="<?cs var:List.dir ?>">
    <button type="submit" class="button button-primary">Download CSV</button>
  </form>
</div>
<?cs if:subcount(Rows) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="report-caption" tabindex="0">
<table class="data-table">
  <caption id="report-caption">Expiring certifications</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/reports/expiration", "login", "Login") ?>
    <?cs call:sort_header("/admin/reports/expiration", "first", "First Name") ?>
    <?cs call:sort_header("/admin/reports/expiration", "last", "Last Name") ?>
    <?cs call:sort_header("/admin/reports/expiration", "email", "Email") ?>
    <?cs call:sort_header("/admin/reports/expiration", "groups", "User Groups") ?>
    <?cs call:sort_header("/admin/reports/expiration", "certification", "Certification") ?>
    <?cs call:sort_header("/admin/reports/expiration", "version", "Version") ?>
    <?cs call:sort_header("/admin/reports/expiration", "completed", "Completed On") ?>
    <?cs call:sort_header("/admin/reports/expiration", "expires", "Expires On") ?>
    <?cs call:sort_header("/admin/reports/expiration", "number", "Certificate Number") ?>
  </tr></thead>
  <tbody>
<?cs each:r = Rows ?>
    <tr>
      <td><a href="/admin/users/<?cs var:r.UserId ?>"><?cs var:r.Login ?></a></td>
      <td><?cs var:r.FirstName ?></td>
      <td><?cs var:r.LastName ?></td>
      <td><?cs var:r.Email ?></td>
      <td><?cs var:r.Groups ?></td>
      <td><?cs var:r.Certification ?></td>
      <td class="num"><?cs var:r.Version ?></td>
      <td><?cs var:r.CompletedOn ?></td>
      <td><?cs var:r.ExpiresOn ?></td>
      <td><?cs var:r.Number ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p class="muted">No certification expires in this range. Use Edit Report to choose other dates or another certification.</p>
<?cs /if ?>
<?cs call:pager("/admin/reports/expiration") ?>
<?cs else ?>
<p>Lists the learners whose completed certification expires from the start date to the end date, both days included. Certifications that were revoked, cancelled or are still in progress are left out.</p>
<?cs if:Form.HasErrors ?><p class="form-error-summary" role="alert">The report was not run. Correct the fields marked below and submit again.</p><?cs /if ?>
<form class="form" method="get" action="/admin/reports/expiration">
<?cs if:Form.sort ?>
  <input type="hidden" name="sort" value="<?cs var:Form.sort ?>">
  <input type="hidden" name="dir" value="<?cs var:Form.dir ?>">
<?cs /if ?>
  <p class="form-note">Fields marked * are required. Dates are written YYYY-MM-DD and must be today or later.</p>
  <div class="field<?cs if:Form.Errors.start ?> field-invalid<?cs /if ?>">
    <label for="start">Start Date <span class="required-marker" aria-hidden="true">*</span></label>
    <input id="start" name="start" type="date" value="<?cs var:Form.start ?>" required<?cs call:field_invalid_attrs("start", Form.Errors.start) ?>>
    <?cs call:field_error("start", Form.Errors.start) ?>
  </div>
  <div class="field<?cs if:Form.Errors.end ?> field-invalid<?cs /if ?>">
    <label for="end">End Date <span class="required-marker" aria-hidden="true">*</span></label>
    <input id="end" name="end" type="date" value="<?cs var:Form.end ?>" required<?cs call:field_invalid_attrs("end", Form.Errors.end) ?>>
    <?cs call:field_error("end", Form.Errors.end) ?>
  </div>
  <div class="field<?cs if:Form.Errors.certification ?> field-invalid<?cs /if ?>">
    <label for="certification">Certification</label>
    <select id="certification" name="certification"<?cs call:field_invalid_attrs("certification", Form.Errors.certification) ?>>
      <option value="">All certifications</option>
<?cs each:f = Families ?>
      <option value="<?cs var:f.Id ?>"<?cs if:f.Id == Form.certification ?> selected<?cs /if ?>><?cs var:f.Name ?></option>
<?cs /each ?>
    </select>
    <?cs call:field_error("certification", Form.Errors.certification) ?>
  </div>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Submit</button>
    <a class="button" href="/admin/reports">Cancel</a>
  </div>
</form>
<?cs /if ?>
<?cs /def ?>
