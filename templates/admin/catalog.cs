<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/catalogs">Catalogs</a></p>
<h1><?cs if:Catalog.Id ?>Edit catalog<?cs else ?>New catalog<?cs /if ?></h1>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/catalogs<?cs if:Catalog.Id ?>/<?cs var:Catalog.Id ?><?cs /if ?>">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "150") ?>
  <?cs call:field_textarea("description", "Description", Form.description, Form.Errors.description, "") ?>
  <?cs call:field_checkbox("active", "Active (certifications in it can be offered)", Form.active) ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/catalogs">Cancel</a>
  </div>
</form>
<?cs /def ?>
