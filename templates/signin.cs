<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="auth-panel">
  <h1>Sign in</h1>
<?cs if:Form.Error ?>
  <p class="form-error-summary" role="alert"><?cs var:Form.Error ?></p>
<?cs /if ?>
  <form class="form" method="post" action="/signin">
    <?cs call:csrf_field() ?>
<?cs if:Form.next ?>
    <input type="hidden" name="next" value="<?cs var:Form.next ?>">
<?cs /if ?>
    <div class="field<?cs if:Form.Errors.login ?> field-invalid<?cs /if ?>">
      <label for="login">Login</label>
      <input id="login" name="login" type="text" value="<?cs var:Form.login ?>"
             autocomplete="username" autocapitalize="none" spellcheck="false" required<?cs
             call:field_invalid_attrs("login", Form.Errors.login) ?><?cs
             if:!Form.login || Form.Errors.login ?> autofocus<?cs /if ?>>
      <?cs call:field_error("login", Form.Errors.login) ?>
    </div>
    <div class="field<?cs if:Form.Errors.password ?> field-invalid<?cs /if ?>">
      <label for="password">Password</label>
      <input id="password" name="password" type="password"
             autocomplete="current-password" required<?cs
             call:field_invalid_attrs("password", Form.Errors.password) ?><?cs
             if:Form.login && !Form.Errors.login ?> autofocus<?cs /if ?>>
      <?cs call:field_error("password", Form.Errors.password) ?>
    </div>
    <div class="form-actions">
      <button type="submit" class="button button-primary">Sign in</button>
    </div>
  </form>
</div>
<?cs /def ?>
