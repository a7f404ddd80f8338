<?cs # The create and edit form of a certification, with the sections of a
  saved one below it: images, courses, prerequisites, versions and user
  groups. An older version (Cert.ReadOnly) shows the same values in a
  disabled fieldset without Save and upload buttons.
?><?cs def:head_extra() ?><?cs /def ?><?cs #

  aria-describedby for a control with an optional hint (id-hint) and
  error (id-error), and aria-invalid when there is an error.
?><?cs def:cf_described(id, hint, error) ?><?cs
  if:hint && error ?> aria-describedby="<?cs var:id ?>-hint <?cs var:id ?>-error" aria-invalid="true"<?cs
  elif:hint ?> aria-describedby="<?cs var:id ?>-hint"<?cs
  elif:error ?> aria-describedby="<?cs var:id ?>-error" aria-invalid="true"<?cs /if ?><?cs /def ?><?cs #

?><?cs def:cf_hint(id, hint) ?><?cs if:hint ?><p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p><?cs /if ?><?cs /def ?><?cs #

?><?cs def:cf_label(id, label, required) ?><label for="<?cs var:id ?>"><?cs var:label ?><?cs if:required ?> <span class="required-marker" aria-hidden="true">*</span><?cs /if ?></label><?cs /def ?><?cs #

?><?cs def:cf_number(id, label, value, error, required, min, max, hint) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <?cs call:cf_label(id, label, required) ?>
  <?cs call:cf_hint(id, hint) ?>
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="number" inputmode="numeric" min="<?cs var:min ?>" max="<?cs var:max ?>" value="<?cs var:value ?>"<?cs if:required ?> required<?cs /if ?><?cs call:cf_described(id, hint, error) ?>>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs #

?><?cs def:cf_text(id, label, value, error, required, maxlength, hint) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <?cs call:cf_label(id, label, required) ?>
  <?cs call:cf_hint(id, hint) ?>
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="text" value="<?cs var:value ?>" maxlength="<?cs var:maxlength ?>"<?cs if:required ?> required<?cs /if ?><?cs call:cf_described(id, hint, error) ?>>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs #

  A checkbox whose error, if any, shows below it.
?><?cs def:cf_checkbox(id, label, checked, error) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>"><label class="check" for="<?cs var:id ?>">
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="checkbox" value="1"<?cs if:checked == "1" ?> checked<?cs /if ?><?cs call:field_invalid_attrs(id, error) ?>>
  <?cs var:label ?></label>
  <?cs call:field_error(id, error) ?></div><?cs /def ?><?cs #

?><?cs def:cf_requirement(key) ?><?cs if:key == "required" ?>Required<?cs elif:key == "elective" ?>Elective<?cs else ?>Not Applicable<?cs /if ?><?cs /def ?><?cs #

?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/certifications">Certifications</a></p>
<?cs if:Cert.Id ?>
<div class="page-header">
  <h1><?cs var:Cert.Name ?></h1>
  <div class="actions">
    <a class="button" href="/admin/certifications/<?cs var:Cert.Id ?>/courses">Select Courses</a>
    <a class="button" href="/admin/certifications/<?cs var:Cert.Id ?>/prerequisites">Select Prerequisites</a>
<?cs if:!Cert.ReadOnly ?>
    <form class="inline-form" method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/versions">
      <?cs call:csrf_field() ?>
      <button type="submit" class="button">New Version</button>
    </form>
<?cs /if ?>
  </div>
</div>
<p class="lead">Version <?cs var:Cert.Version ?> of <?cs var:Cert.NewestVersion ?></p>
<?cs if:Cert.ReadOnly ?>
<div class="flash flash-info" role="status">This is an older version and is read-only: version <?cs var:Cert.NewestVersion ?> replaced it. <a href="/admin/certifications/<?cs var:Cert.NewestId ?>">Edit the newest version</a>.</div>
<?cs /if ?>
<?cs else ?>
<h1>New certification</h1>
<?cs /if ?>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/certifications<?cs if:Cert.Id ?>/<?cs var:Cert.Id ?><?cs /if ?>">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="price_rows" value="<?cs var:Form.price_rows ?>">
  <fieldset<?cs if:Cert.ReadOnly ?> disabled<?cs /if ?>>
  <legend class="visually-hidden">Settings</legend>
  <p class="form-note">Fields marked * are required.</p>

  <h2>General</h2>
  <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "200") ?>
  <?cs call:field_textarea("description", "Description", Form.description, Form.Errors.description, "") ?>
  <div class="field<?cs if:Form.Errors.language_code ?> field-invalid<?cs /if ?>">
    <?cs call:cf_label("language_code", "Language", "1") ?>
    <select id="language_code" name="language_code" aria-required="true"<?cs call:field_invalid_attrs("language_code", Form.Errors.language_code) ?>>
<?cs each:l = Languages ?>
      <option value="<?cs var:l.Code ?>"<?cs if:Form.language_code == l.Code ?> selected<?cs /if ?>><?cs var:l.Name ?></option>
<?cs /each ?>
    </select>
    <?cs call:field_error("language_code", Form.Errors.language_code) ?>
  </div>
  <?cs call:cf_checkbox("active", "Active (learners can be enrolled)", Form.active, "") ?>

  <fieldset class="field<?cs if:Form.Errors.user_type ?> field-invalid<?cs /if ?>" aria-describedby="user_type-hint<?cs if:Form.Errors.user_type ?> user_type-error<?cs /if ?>">
    <legend>User types that have access</legend>
    <p class="field-hint" id="user_type-hint">Learners of the checked types can be enrolled. With none checked, no learner has access.</p>
    <div>
<?cs each:t = UserTypes ?>
    <label class="check" for="user_type-<?cs var:t.Id ?>"><input id="user_type-<?cs var:t.Id ?>" name="user_type" type="checkbox" value="<?cs var:t.Id ?>"<?cs if:t.Checked ?> checked<?cs /if ?>> <?cs var:t.Name ?></label>
<?cs /each ?>
    </div>
<?cs if:subcount(UserTypes) == 0 ?>
    <p>No user types exist yet. <a href="/admin/user-types">Add user types</a>.</p>
<?cs /if ?>
    <?cs call:field_error("user_type", Form.Errors.user_type) ?>
  </fieldset>

  <h2>Completion</h2>
  <fieldset class="field<?cs if:Form.Errors.availability ?> field-invalid<?cs /if ?>">
    <legend>Availability</legend>
    <div>
    <label class="check" for="availability-certification"><input id="availability-certification" name="availability" type="radio" value="certification"<?cs if:Form.availability != "course_group" ?> checked<?cs /if ?>> Certification</label>
    <label class="check" for="availability-course_group"><input id="availability-course_group" name="availability" type="radio" value="course_group"<?cs if:Form.availability == "course_group" ?> checked<?cs /if ?>> Course Group without Certification</label>
    </div>
    <?cs call:field_error("availability", Form.Errors.availability) ?>
  </fieldset>
  <div class="field<?cs if:Form.Errors.catalog_id ?> field-invalid<?cs /if ?>">
    <?cs call:cf_label("catalog_id", "Catalog", "") ?>
    <?cs call:cf_hint("catalog_id", "Required for a certification; optional for a course group.") ?>
    <select id="catalog_id" name="catalog_id"<?cs call:cf_described("catalog_id", "1", Form.Errors.catalog_id) ?>>
      <option value="">None</option>
<?cs each:k = Catalogs ?>
      <option value="<?cs var:k.Id ?>"<?cs if:Form.catalog_id == k.Id ?> selected<?cs /if ?>><?cs var:k.Name ?><?cs if:k.Active != "1" ?> (inactive)<?cs /if ?></option>
<?cs /each ?>
    </select>
    <?cs call:field_error("catalog_id", Form.Errors.catalog_id) ?>
  </div>
  <?cs call:cf_checkbox("limit_days", "Limit days to complete", Form.limit_days, "") ?>
  <?cs call:cf_number("days_to_complete", "Days to complete", Form.days_to_complete, Form.Errors.days_to_complete, "", "1", "365", "Used when Limit days to complete is checked: days from enrolment, 1 to 365.") ?>
  <?cs if:Cert.Id ?><?cs set:electives_hint = "0 up to the " + Cert.ElectiveCourses + " courses marked Elective under Select Courses." ?><?cs else ?><?cs set:electives_hint = "Mark courses Elective under Select Courses after saving; until then this stays 0." ?><?cs /if ?>
  <?cs call:cf_number("required_electives", "Required electives", Form.required_electives, Form.Errors.required_electives, "", "0", "200", electives_hint) ?>
  <?cs call:cf_checkbox("display_individually", "Display courses individually (course groups only)", Form.display_individually, Form.Errors.display_individually) ?>
  <?cs call:cf_checkbox("show_progress_bar", "Display progress bar for students", Form.show_progress_bar, "") ?>

  <h2>Certificate</h2>
  <div class="field<?cs if:Form.Errors.certificate_template_id ?> field-invalid<?cs /if ?>">
    <?cs call:cf_label("certificate_template_id", "Certificate template", "") ?>
    <select id="certificate_template_id" name="certificate_template_id"<?cs call:field_invalid_attrs("certificate_template_id", Form.Errors.certificate_template_id) ?>>
      <option value="">None</option>
<?cs each:t = Templates ?>
      <option value="<?cs var:t.Id ?>"<?cs if:Form.certificate_template_id == t.Id ?> selected<?cs /if ?>><?cs var:t.Name ?></option>
<?cs /each ?>
    </select>
    <?cs call:field_error("certificate_template_id", Form.Errors.certificate_template_id) ?>
    <p class="field-hint"><a href="/admin/templates/new">Upload a template</a></p>
  </div>
  <?cs call:cf_text("name_on_certificate", "Name on certificate", Form.name_on_certificate, Form.Errors.name_on_certificate, "", "200", "Leave empty to print the name.") ?>
  <fieldset class="field<?cs if:Form.Errors.expiration_type ?> field-invalid<?cs /if ?>">
    <legend>Expiration</legend>
    <div>
    <label class="check" for="expiration_type-perpetual"><input id="expiration_type-perpetual" name="expiration_type" type="radio" value="perpetual"<?cs if:Form.expiration_type != "interval" ?> checked<?cs /if ?>> Perpetual (never expires)</label>
    <label class="check" for="expiration_type-interval"><input id="expiration_type-interval" name="expiration_type" type="radio" value="interval"<?cs if:Form.expiration_type == "interval" ?> checked<?cs /if ?>> Interval (expires a number of days after completion)</label>
    </div>
    <?cs call:field_error("expiration_type", Form.Errors.expiration_type) ?>
  </fieldset>
  <?cs call:cf_number("expire_days", "Expire in days", Form.expire_days, Form.Errors.expire_days, "", "1", "36500", "Required for an interval expiration; ignored when perpetual.") ?>
  <?cs call:cf_checkbox("provisional", "Provisional", Form.provisional, "") ?>
  <?cs call:cf_text("external_id", "External certification ID", Form.external_id, Form.Errors.external_id, "", "50", "") ?>
  <?cs call:cf_checkbox("disable_completion_email", "Disable certification completion e-mail", Form.disable_completion_email, "") ?>

  <h2>Certificate numbers</h2>
  <div class="field<?cs if:Form.Errors.number_format ?> field-invalid<?cs /if ?>">
    <?cs call:cf_label("number_format", "Certificate number format", "1") ?>
    <select id="number_format" name="number_format" aria-required="true"<?cs call:field_invalid_attrs("number_format", Form.Errors.number_format) ?>>
      <option value="plain"<?cs if:Form.number_format == "plain" ?> selected<?cs /if ?>>Number (000042)</option>
      <option value="prefix"<?cs if:Form.number_format == "prefix" ?> selected<?cs /if ?>>Prefix and number (CERT-000042)</option>
      <option value="year"<?cs if:Form.number_format == "year" ?> selected<?cs /if ?>>Year and number (2026-000042)</option>
      <option value="external_year_month"<?cs if:Form.number_format == "external_year_month" ?> selected<?cs /if ?>>External ID, year and month, and number (EXT9202612-000042)</option>
    </select>
    <?cs call:field_error("number_format", Form.Errors.number_format) ?>
  </div>
  <?cs call:cf_text("number_prefix", "Number prefix", Form.number_prefix, Form.Errors.number_prefix, "", "30", "Printed before the number by the format Prefix and number, such as CERT-.") ?>
  <?cs call:cf_number("number_width", "Number width", Form.number_width, Form.Errors.number_width, "1", "1", "12", "Digits of the number, padded with zeros: 6 prints 42 as 000042.") ?>
  <?cs call:cf_number("start_number", "Start number", Form.start_number, Form.Errors.start_number, "1", "1", "999999999999", "") ?>
  <?cs if:Cert.LastIssued > 0 ?><?cs set:next_hint = "The highest number issued so far is " + Cert.LastIssued + "; the next number must be greater." ?><?cs else ?><?cs set:next_hint = "No certificate has been issued yet." ?><?cs /if ?>
  <?cs call:cf_number("next_number", "Next number", Form.next_number, Form.Errors.next_number, Cert.Id, "1", "999999999999", next_hint) ?>
  <div class="field">
    <label for="number_preview">Next certificate number as it will print</label>
    <p class="field-hint" id="number_preview-hint">From the values above and today's date; saving updates it.</p>
    <input id="number_preview" type="text" readonly value="<?cs var:Cert.NumberPreview ?>" aria-describedby="number_preview-hint">
  </div>

  <h2>Pricing</h2>
  <?cs call:cf_checkbox("priced", "Available for purchase", Form.priced, Form.Errors.priced) ?>
  <div class="table-wrap" role="region" aria-labelledby="prices-caption" tabindex="0">
  <table class="data-table">
    <caption id="prices-caption">Prices</caption>
    <thead><tr><th scope="col">Currency</th><th scope="col">Amount</th></tr></thead>
    <tbody>
<?cs each:p = Prices ?>
      <tr>
        <td<?cs if:p.CurrencyError ?> class="field-invalid"<?cs /if ?>>
          <label class="visually-hidden" for="currency_<?cs var:p.Row ?>">Currency of price <?cs var:p.Row + 1 ?></label>
          <select id="currency_<?cs var:p.Row ?>" name="currency_<?cs var:p.Row ?>"<?cs call:field_invalid_attrs("currency_" + p.Row, p.CurrencyError) ?>>
            <option value="">Choose a currency</option>
<?cs each:cur = Currencies ?>
            <option value="<?cs var:cur.Code ?>"<?cs if:p.Currency == cur.Code ?> selected<?cs /if ?>><?cs var:cur.Code ?> — <?cs var:cur.Name ?></option>
<?cs /each ?>
          </select>
          <?cs call:field_error("currency_" + p.Row, p.CurrencyError) ?>
        </td>
        <td<?cs if:p.AmountError ?> class="field-invalid"<?cs /if ?>>
          <label class="visually-hidden" for="amount_<?cs var:p.Row ?>">Amount of price <?cs var:p.Row + 1 ?></label>
          <input id="amount_<?cs var:p.Row ?>" name="amount_<?cs var:p.Row ?>" type="text" inputmode="decimal" value="<?cs var:p.Amount ?>" maxlength="16"<?cs call:field_invalid_attrs("amount_" + p.Row, p.AmountError) ?>>
          <?cs call:field_error("amount_" + p.Row, p.AmountError) ?>
        </td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <p class="field-hint">Amounts have at most two decimal places, such as 149.50. Leave a row empty to remove its price.</p>
<?cs if:!Cert.ReadOnly ?>
  <p><button type="submit" class="button" name="add_price" value="1" formnovalidate>Add Prices</button></p>
<?cs /if ?>
  <fieldset class="field<?cs if:Form.Errors.payment ?> field-invalid<?cs /if ?>">
    <legend>Payment options (used when the certification is priced)</legend>
    <div>
    <label class="check" for="pay_credit_card"><input id="pay_credit_card" name="pay_credit_card" type="checkbox" value="1"<?cs if:Form.pay_credit_card == "1" ?> checked<?cs /if ?>> Credit card</label>
    <label class="check" for="pay_purchase_order"><input id="pay_purchase_order" name="pay_purchase_order" type="checkbox" value="1"<?cs if:Form.pay_purchase_order == "1" ?> checked<?cs /if ?>> Purchase order</label>
    <label class="check" for="pay_voucher"><input id="pay_voucher" name="pay_voucher" type="checkbox" value="1"<?cs if:Form.pay_voucher == "1" ?> checked<?cs /if ?>> Voucher</label>
    </div>
    <?cs call:field_error("payment", Form.Errors.payment) ?>
  </fieldset>
  </fieldset>
<?cs if:!Cert.ReadOnly ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/certifications">Cancel</a>
  </div>
<?cs /if ?>
</form>
<?cs if:Cert.Id ?>

<section aria-labelledby="images-heading">
  <h2 id="images-heading">Display image and icon</h2>
  <h3>Display image</h3>
<?cs if:Cert.ImageFileId ?>
  <p><img src="/files/<?cs var:Cert.ImageFileId ?>" width="240" alt="Current display image"></p>
<?cs else ?>
  <p class="muted">The default image is shown.</p>
<?cs /if ?>
<?cs if:!Cert.ReadOnly ?>
  <form class="form" method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/image" enctype="multipart/form-data">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="kind" value="image">
    <div class="field<?cs if:Form.Errors.image_file ?> field-invalid<?cs /if ?>">
      <label for="image_file">New display image (PNG or JPEG)</label>
      <input id="image_file" name="file" type="file" accept="image/png,image/jpeg"<?cs call:field_invalid_attrs("image_file", Form.Errors.image_file) ?>>
      <?cs call:field_error("image_file", Form.Errors.image_file) ?>
    </div>
    <div class="form-actions"><button type="submit" class="button">Upload display image</button></div>
  </form>
<?cs if:Cert.ImageFileId ?>
  <form class="inline-form" method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/image">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="kind" value="image">
    <input type="hidden" name="reset" value="1">
    <button type="submit" class="button">Set display image to default</button>
  </form>
<?cs /if ?>
<?cs /if ?>
  <h3>Icon</h3>
<?cs if:Cert.IconFileId ?>
  <p><img src="/files/<?cs var:Cert.IconFileId ?>" width="64" alt="Current icon"></p>
<?cs else ?>
  <p class="muted">The default icon is shown.</p>
<?cs /if ?>
<?cs if:!Cert.ReadOnly ?>
  <form class="form" method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/image" enctype="multipart/form-data">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="kind" value="icon">
    <div class="field<?cs if:Form.Errors.icon_file ?> field-invalid<?cs /if ?>">
      <label for="icon_file">New icon (PNG or JPEG)</label>
      <input id="icon_file" name="file" type="file" accept="image/png,image/jpeg"<?cs call:field_invalid_attrs("icon_file", Form.Errors.icon_file) ?>>
      <?cs call:field_error("icon_file", Form.Errors.icon_file) ?>
    </div>
    <div class="form-actions"><button type="submit" class="button">Upload icon</button></div>
  </form>
<?cs if:Cert.IconFileId ?>
  <form class="inline-form" method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/image">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="kind" value="icon">
    <input type="hidden" name="reset" value="1">
    <button type="submit" class="button">Set icon to default</button>
  </form>
<?cs /if ?>
<?cs /if ?>
</section>

<section aria-labelledby="courses-heading">
  <h2 id="courses-heading">Courses</h2>
<?cs if:subcount(Courses) > 0 ?>
  <div class="table-wrap" role="region" aria-labelledby="courses-caption" tabindex="0">
  <table class="data-table">
    <caption id="courses-caption">Courses of this version, in order</caption>
    <thead><tr><th scope="col" class="num">Order</th><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Requirement</th></tr></thead>
    <tbody>
<?cs each:co = Courses ?>
      <tr><td class="num"><?cs var:co.Position ?></td><td><?cs var:co.Code ?></td><td><?cs var:co.Name ?></td><td><?cs call:cf_requirement(co.Requirement) ?></td></tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs else ?>
  <p class="muted">No courses yet.</p>
<?cs /if ?>
  <p><a href="/admin/certifications/<?cs var:Cert.Id ?>/courses">Select Courses</a></p>
</section>

<section aria-labelledby="prerequisites-heading">
  <h2 id="prerequisites-heading">Prerequisites</h2>
<?cs if:subcount(Prerequisites) > 0 ?>
  <p><?cs if:Cert.Rule == "any" ?>Learners need any one of these:<?cs else ?>Learners need all of these:<?cs /if ?></p>
  <ul>
<?cs each:p = Prerequisites ?>
    <li><a href="/admin/certifications/<?cs var:p.Id ?>"><?cs var:p.Name ?></a></li>
<?cs /each ?>
  </ul>
<?cs else ?>
  <p class="muted">No prerequisites.</p>
<?cs /if ?>
  <p><a href="/admin/certifications/<?cs var:Cert.Id ?>/prerequisites">Select Prerequisites</a></p>
</section>

<section aria-labelledby="versions-heading">
  <h2 id="versions-heading">Versions</h2>
  <div class="table-wrap" role="region" aria-labelledby="versions-caption" tabindex="0">
  <table class="data-table">
    <caption id="versions-caption">Versions of this certification, newest first</caption>
    <thead><tr><th scope="col" class="num">Version</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Last changed (UTC)</th></tr></thead>
    <tbody>
<?cs each:ver = Versions ?>
      <tr>
        <td class="num"><?cs var:ver.Version ?></td>
        <td><?cs if:ver.Id == Cert.Id ?><a href="/admin/certifications/<?cs var:ver.Id ?>" aria-current="page"><?cs var:ver.Name ?></a> (this page)<?cs else ?><a href="/admin/certifications/<?cs var:ver.Id ?>"><?cs var:ver.Name ?></a><?cs /if ?></td>
        <td><?cs if:ver.Version == Cert.NewestVersion ?>Newest<?cs else ?>Read-only<?cs /if ?></td>
        <td><?cs var:string.slice(ver.Updated, 0, 16) ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
</section>

<section aria-labelledby="groups-heading">
  <h2 id="groups-heading">User Groups</h2>
  <p class="field-hint">Subscriptions belong to the certification, not to a version: they lead to the newest version.</p>
  <p><strong><?cs var:Cert.Enrolled ?></strong> learners enrolled (<?cs var:Cert.EnrolledOnVersion ?> on this version).</p>
<?cs if:subcount(Groups) > 0 ?>
  <ul>
<?cs each:g = Groups ?>
    <li><a href="/admin/groups/<?cs var:g.Id ?>"><?cs var:g.Name ?></a><?cs if:g.AutoEnroll == "1" ?> <span class="badge">Auto Enroll</span><?cs /if ?></li>
<?cs /each ?>
  </ul>
<?cs else ?>
  <p class="muted">No user group is subscribed.</p>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs /def ?>
