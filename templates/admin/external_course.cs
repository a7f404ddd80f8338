<?cs # The form of a new external course (Record.Id missing) or of an
  existing one.
?><?cs def:date_field(id, label, value, error, required, hint) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <label for="<?cs var:id ?>"><?cs var:label ?><?cs if:required ?> <span class="required-marker" aria-hidden="true">*</span><?cs /if ?></label>
  <p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p>
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="date" value="<?cs var:value ?>"<?cs if:required ?> required<?cs /if ?><?cs
  if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-hint <?cs var:id ?>-error"<?cs
  else ?> aria-describedby="<?cs var:id ?>-hint"<?cs /if ?>>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs #

  A group of radio buttons with a legend; the buttons are written by the
  caller between the two halves.
?><?cs def:radios_start(id, label, error) ?><fieldset<?cs
  if:error ?> class="field-invalid" aria-describedby="<?cs var:id ?>-error"<?cs /if ?>>
  <legend><?cs var:label ?> <span class="required-marker" aria-hidden="true">*</span></legend><?cs /def ?><?cs #
?><?cs def:radio(id, value, label, current) ?><label class="check" for="<?cs var:id ?>-<?cs var:value ?>"><input id="<?cs var:id ?>-<?cs var:value ?>" name="<?cs var:id ?>" type="radio" value="<?cs var:value ?>" required<?cs if:current == value ?> checked<?cs /if ?>> <?cs var:label ?></label><?cs /def ?><?cs #
?><?cs def:radios_end(id, error) ?><?cs call:field_error(id, error) ?>
</fieldset><?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a> › <a href="/admin/users/<?cs var:User.Id ?>/external">External courses</a></p>
<h1><?cs if:Record.Id ?>Edit external course<?cs else ?>New external course<?cs /if ?></h1>
<p><?cs var:User.Name ?> (<?cs var:User.Login ?>)</p>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/users/<?cs var:User.Id ?>/external<?cs if:Record.Id ?>/edit<?cs /if ?>">
  <?cs call:csrf_field() ?>
<?cs if:Record.Id ?>
  <input type="hidden" name="record" value="<?cs var:Record.Id ?>">
<?cs /if ?>
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:field_text("title", "Title", Form.title, Form.Errors.title, "1", "200") ?>
  <?cs call:field_text("provider", "Provider", Form.provider, Form.Errors.provider, "", "200") ?>
  <?cs call:date_field("starts_on", "From", Form.starts_on, Form.Errors.starts_on, "1", "The first day of the course, not in the future.") ?>
  <?cs call:date_field("ends_on", "To", Form.ends_on, Form.Errors.ends_on, "", "The last day, not before From. Leave it empty when it is not known; a course in progress may end in the future.") ?>
  <?cs call:radios_start("status", "Status", Form.Errors.status) ?>
    <?cs call:radio("status", "completed", "Completed", Form.status) ?>
    <?cs call:radio("status", "in_progress", "In progress", Form.status) ?>
    <?cs call:radio("status", "failed", "Failed", Form.status) ?>
  <?cs call:radios_end("status", Form.Errors.status) ?>
  <?cs call:radios_start("attended", "Attended", Form.Errors.attended) ?>
    <?cs call:radio("attended", "yes", "Yes", Form.attended) ?>
    <?cs call:radio("attended", "no", "No", Form.attended) ?>
  <?cs call:radios_end("attended", Form.Errors.attended) ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary"><?cs if:Record.Id ?>Save<?cs else ?>Add external course<?cs /if ?></button>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/external">Cancel</a>
  </div>
</form>
<?cs /def ?>
