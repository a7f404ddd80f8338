<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Login ?></a></p>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="deactivate-title">
  <h1 id="deactivate-title">Deactivate <?cs var:User.FirstName ?> <?cs var:User.LastName ?>?</h1>
<?cs if:Form.Error ?>
  <p class="field-error" role="alert"><?cs var:Form.Error ?></p>
  <div class="dialog-actions">
    <a class="button" href="/admin/users/<?cs var:User.Id ?>">Back to the user</a>
  </div>
<?cs elif:User.Active != "1" ?>
  <p>The user with login <strong><?cs var:User.Login ?></strong> is already inactive.</p>
  <div class="dialog-actions">
    <a class="button" href="/admin/users/<?cs var:User.Id ?>">Back to the user</a>
  </div>
<?cs else ?>
  <p>The user with login <strong><?cs var:User.Login ?></strong> will no longer be able to sign in, and every session they have open ends now. Their enrolments, records and group memberships stay. You can activate the user again at any time.</p>
  <form class="dialog-actions" method="post" action="/admin/users/<?cs var:User.Id ?>/deactivate">
    <?cs call:csrf_field() ?>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>">Cancel</a>
    <button type="submit" class="button button-danger">Deactivate user</button>
  </form>
<?cs /if ?>
</section>
<?cs /def ?>
