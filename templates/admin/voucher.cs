<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/vouchers">Vouchers</a></p>
<h1>New voucher</h1>
<?cs if:subcount(Families) == 0 ?>
<div class="empty-state">
  <p>No certification accepts vouchers yet.</p>
  <p>On a certification's page, tick Available for purchase and the Voucher payment option, then save it.</p>
  <p><a class="button" href="/admin/certifications">Certifications</a></p>
</div>
<?cs else ?>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/vouchers">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <div class="field<?cs if:Form.Errors.family ?> field-invalid<?cs /if ?>">
    <label for="family">Certification <span class="required-marker" aria-hidden="true">*</span></label>
    <p class="field-hint" id="family-hint">Priced certifications that accept vouchers, by the name of their newest version.</p>
    <select id="family" name="family" required aria-describedby="family-hint<?cs if:Form.Errors.family ?> family-error<?cs /if ?>"<?cs if:Form.Errors.family ?> aria-invalid="true"<?cs /if ?>>
      <option value="">Choose a certification</option>
<?cs each:f = Families ?>
      <option value="<?cs var:f.Id ?>"<?cs if:Form.family == f.Id ?> selected<?cs /if ?>><?cs var:f.Name ?> (version <?cs var:f.Version ?>)</option>
<?cs /each ?>
    </select>
    <?cs call:field_error("family", Form.Errors.family) ?>
  </div>
  <div class="field<?cs if:Form.Errors.code ?> field-invalid<?cs /if ?>">
    <label for="code">Code</label>
    <p class="field-hint" id="code-hint">Leave empty to have a code such as K7QM-X2PA-9RTE generated. A code you type has 4 to 40 letters A-Z, digits and hyphens and is saved in capitals.</p>
    <input id="code" name="code" type="text" value="<?cs var:Form.code ?>" maxlength="40" autocomplete="off" aria-describedby="code-hint<?cs if:Form.Errors.code ?> code-error<?cs /if ?>"<?cs if:Form.Errors.code ?> aria-invalid="true"<?cs /if ?>>
    <?cs call:field_error("code", Form.Errors.code) ?>
  </div>
  <div class="field<?cs if:Form.Errors.uses ?> field-invalid<?cs /if ?>">
    <label for="uses">Uses <span class="required-marker" aria-hidden="true">*</span></label>
    <p class="field-hint" id="uses-hint">How many learners can use the code, from 1 to 100000.</p>
    <input id="uses" name="uses" type="number" min="1" max="100000" step="1" value="<?cs var:Form.uses ?>" required aria-describedby="uses-hint<?cs if:Form.Errors.uses ?> uses-error<?cs /if ?>"<?cs if:Form.Errors.uses ?> aria-invalid="true"<?cs /if ?>>
    <?cs call:field_error("uses", Form.Errors.uses) ?>
  </div>
  <div class="field<?cs if:Form.Errors.expires_on ?> field-invalid<?cs /if ?>">
    <label for="expires_on">Expiry date <span class="required-marker" aria-hidden="true">*</span></label>
    <p class="field-hint" id="expires_on-hint">The last day the code can be used (YYYY-MM-DD), today (<?cs var:Today ?>) or later.</p>
    <input id="expires_on" name="expires_on" type="date" min="<?cs var:Today ?>" value="<?cs var:Form.expires_on ?>" required aria-describedby="expires_on-hint<?cs if:Form.Errors.expires_on ?> expires_on-error<?cs /if ?>"<?cs if:Form.Errors.expires_on ?> aria-invalid="true"<?cs /if ?>>
    <?cs call:field_error("expires_on", Form.Errors.expires_on) ?>
  </div>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Create voucher</button>
    <a class="button" href="/admin/vouchers">Cancel</a>
  </div>
</form>
<?cs /if ?>
<?cs /def ?>
