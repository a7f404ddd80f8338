<?cs def:head_extra() ?><?cs /def ?><?cs #

  A select box with its label and error. The options are written by the
  caller between the two halves.
?><?cs def:select_start(id, label, error, required) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <label for="<?cs var:id ?>"><?cs var:label ?><?cs if:required ?> <span class="required-marker" aria-hidden="true">*</span><?cs /if ?></label>
  <select id="<?cs var:id ?>" name="<?cs var:id ?>"<?cs if:required ?> aria-required="true"<?cs /if ?><?cs call:field_invalid_attrs(id, error) ?>><?cs /def ?><?cs #
?><?cs def:select_end(id, error) ?></select>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs #

  A password field with a hint; the value is never written back.
?><?cs def:field_password(id, label, hint, error) ?><div class="field<?cs if:error ?> field-invalid<?cs /if ?>">
  <label for="<?cs var:id ?>"><?cs var:label ?> <span class="required-marker" aria-hidden="true">*</span></label>
  <p class="field-hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p>
  <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="password" autocomplete="new-password" required<?cs
    if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-hint <?cs var:id ?>-error"<?cs
    else ?> aria-describedby="<?cs var:id ?>-hint"<?cs /if ?>>
  <?cs call:field_error(id, error) ?>
</div><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a></p>
<?cs if:User.Id ?>
<div class="page-header">
  <h1><?cs if:string.length(User.FirstName) > 0 || string.length(User.LastName) > 0 ?><?cs var:User.FirstName ?> <?cs var:User.LastName ?><?cs else ?><?cs var:User.Login ?><?cs /if ?></h1>
  <div class="actions">
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/registrations">Manage Course Registrations</a>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/transcript">View Transcript</a>
<?cs if:User.Role == "learner" && User.Active == "1" ?>
    <form class="inline-form" method="post" action="/admin/users/<?cs var:User.Id ?>/impersonate">
      <?cs call:csrf_field() ?>
      <button type="submit" class="button">Login as Learner</button>
    </form>
<?cs /if ?>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/password">Reset password</a>
<?cs if:User.Active == "1" ?><?cs if:!User.IsSelf ?>
    <a class="button button-danger" href="/admin/users/<?cs var:User.Id ?>/deactivate">Deactivate</a>
<?cs /if ?><?cs else ?>
    <form class="inline-form" method="post" action="/admin/users/<?cs var:User.Id ?>/activate">
      <?cs call:csrf_field() ?>
      <button type="submit" class="button">Activate</button>
    </form>
<?cs /if ?>
  </div>
</div>
<dl class="details">
  <dt>Login</dt><dd><?cs var:User.Login ?></dd>
  <dt>Status</dt><dd><?cs if:User.Active == "1" ?>Active<?cs else ?><span class="badge badge-revoked">Inactive</span> (cannot sign in)<?cs /if ?></dd>
  <dt>Created (UTC)</dt><dd><?cs var:string.slice(User.Created, 0, 16) ?></dd>
  <dt>Last sign-in (UTC)</dt><dd><?cs if:string.length(User.LastSignIn) > 0 ?><?cs var:string.slice(User.LastSignIn, 0, 16) ?><?cs else ?>Never<?cs /if ?></dd>
  <dt>User groups</dt><dd><?cs if:subcount(MemberGroups) > 0 ?><?cs each:g = MemberGroups ?><?cs if:!first(g) ?>, <?cs /if ?><a href="/admin/groups/<?cs var:g.Id ?>"><?cs var:g.Name ?></a><?cs /each ?><?cs else ?>None<?cs /if ?></dd>
  <dt>Changes</dt><dd><a href="/admin/audit?target=user&amp;id=<?cs var:User.Id ?>">Audit log of this user</a></dd>
</dl>
<h2>Edit user</h2>
<?cs else ?>
<h1>New user</h1>
<?cs /if ?>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/users<?cs if:User.Id ?>/<?cs var:User.Id ?><?cs /if ?>">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:field_text("login", "Login", Form.login, Form.Errors.login, "1", "100") ?>
  <?cs call:field_text("email", "E-mail", Form.email, Form.Errors.email, "1", "254") ?>
  <?cs call:field_text("first_name", "First name", Form.first_name, Form.Errors.first_name, "1", "100") ?>
  <?cs call:field_text("last_name", "Last name", Form.last_name, Form.Errors.last_name, "1", "100") ?>
  <?cs call:select_start("role", "Role", Form.Errors.role, "1") ?>
    <option value="learner"<?cs if:Form.role == "learner" ?> selected<?cs /if ?>>Learner</option>
    <option value="admin"<?cs if:Form.role == "admin" ?> selected<?cs /if ?>>Administrator</option>
  <?cs call:select_end("role", Form.Errors.role) ?>
  <?cs call:select_start("user_type", "User type", Form.Errors.user_type, "") ?>
    <option value="">No user type</option>
<?cs each:t = UserTypes ?>
    <option value="<?cs var:t.Id ?>"<?cs if:Form.user_type == t.Id ?> selected<?cs /if ?>><?cs var:t.Name ?></option>
<?cs /each ?>
  <?cs call:select_end("user_type", Form.Errors.user_type) ?>
  <?cs call:select_start("language", "Language", Form.Errors.language, "1") ?>
<?cs each:l = Languages ?>
    <option value="<?cs var:l.Code ?>"<?cs if:Form.language == l.Code ?> selected<?cs /if ?>><?cs var:l.Name ?></option>
<?cs /each ?>
  <?cs call:select_end("language", Form.Errors.language) ?>
  <?cs call:select_start("time_zone", "Time zone", Form.Errors.time_zone, "") ?>
    <option value="">The site's time zone (<?cs var:Site.TimeZone ?>)</option>
<?cs each:z = TimeZones ?>
    <option value="<?cs var:z.Name ?>"<?cs if:Form.time_zone == z.Name ?> selected<?cs /if ?>><?cs var:z.Name ?></option>
<?cs /each ?>
  <?cs call:select_end("time_zone", Form.Errors.time_zone) ?>
  <div class="field<?cs if:Form.Errors.active ?> field-invalid<?cs /if ?>"><label class="check" for="active">
    <input id="active" name="active" type="checkbox" value="1"<?cs if:Form.active == "1" ?> checked<?cs /if ?><?cs call:field_invalid_attrs("active", Form.Errors.active) ?>>
    Active (can sign in)</label>
    <?cs call:field_error("active", Form.Errors.active) ?>
  </div>
<?cs if:Form.GroupsShown ?>
  <fieldset class="field<?cs if:Form.Errors.groups ?> field-invalid<?cs /if ?>"<?cs if:Form.Errors.groups ?> aria-describedby="groups-error"<?cs /if ?>>
    <legend>User groups</legend>
    <input type="hidden" name="groups_shown" value="1">
<?cs each:g = Groups ?>
    <label class="check" for="group-<?cs var:g.Id ?>"><input id="group-<?cs var:g.Id ?>" name="groups" type="checkbox" value="<?cs var:g.Id ?>"<?cs if:g.Checked == "1" ?> checked<?cs /if ?>> <?cs var:g.Name ?></label>
<?cs /each ?>
<?cs if:subcount(Groups) == 0 ?>
    <p class="form-note">There are no user groups yet.</p>
<?cs /if ?>
    <?cs call:field_error("groups", Form.Errors.groups) ?>
  </fieldset>
<?cs else ?>
  <section aria-labelledby="groups-heading">
<?cs if:User.Id ?>
    <h3 id="groups-heading">User groups</h3>
<?cs else ?>
    <h2 id="groups-heading">User groups</h2>
<?cs /if ?>
    <p class="form-note">This site has more than <?cs var:Form.GroupsMax ?> user groups, so this form does not change memberships. Open a group and use its members page to add or remove users.</p>
<?cs if:subcount(MemberGroups) > 0 ?>
    <ul>
<?cs each:g = MemberGroups ?>
      <li><a href="/admin/groups/<?cs var:g.Id ?>/members"><?cs var:g.Name ?></a></li>
<?cs /each ?>
    </ul>
<?cs /if ?>
  </section>
<?cs /if ?>
<?cs if:!User.Id ?>
  <?cs call:field_password("password", "Password", "At least 8 characters. The user can sign in with it at once.", Form.Errors.password) ?>
  <?cs call:field_password("password_confirm", "Password again", "Type the same password again.", Form.Errors.password_confirm) ?>
<?cs /if ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/users">Cancel</a>
  </div>
</form>
<?cs /def ?>
