<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Login ?></a></p>
<h1>Reset password</h1>
<p>Set a new password for <strong><?cs var:User.FirstName ?> <?cs var:User.LastName ?></strong> (login <strong><?cs var:User.Login ?></strong>). All of this user's sessions end, so they must sign in again with the new password.<?cs if:User.IsSelf ?> This is your own account: you will be signed out too.<?cs /if ?></p>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/users/<?cs var:User.Id ?>/password">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <div class="field<?cs if:Form.Errors.password ?> field-invalid<?cs /if ?>">
    <label for="password">New password <span class="required-marker" aria-hidden="true">*</span></label>
    <p class="field-hint" id="password-hint">At least 8 characters.</p>
    <input id="password" name="password" type="password" autocomplete="new-password" required<?cs
      if:Form.Errors.password ?> aria-invalid="true" aria-describedby="password-hint password-error"<?cs
      else ?> aria-describedby="password-hint"<?cs /if ?>>
    <?cs call:field_error("password", Form.Errors.password) ?>
  </div>
  <div class="field<?cs if:Form.Errors.password_confirm ?> field-invalid<?cs /if ?>">
    <label for="password_confirm">New password again <span class="required-marker" aria-hidden="true">*</span></label>
    <input id="password_confirm" name="password_confirm" type="password" autocomplete="new-password" required<?cs call:field_invalid_attrs("password_confirm", Form.Errors.password_confirm) ?>>
    <?cs call:field_error("password_confirm", Form.Errors.password_confirm) ?>
  </div>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Change password</button>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>">Cancel</a>
  </div>
</form>
<?cs /def ?>
