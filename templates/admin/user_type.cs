<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/user-types">User types</a></p>
<h1>Edit user type</h1>
<p><?cs var:Type.Users ?> users have this type.</p>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/user-types/<?cs var:Type.Id ?>">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "100") ?>
  <?cs call:field_textarea("description", "Description", Form.description, Form.Errors.description, "") ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/user-types">Cancel</a>
  </div>
</form>
<?cs /def ?>
