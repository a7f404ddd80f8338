<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>Languages</h1>
<p>Courses and certifications are offered in these languages, and each user has a preferred one. English is the default and cannot be removed.</p>
<div class="table-wrap" role="region" aria-labelledby="languages-caption" tabindex="0">
<table class="data-table">
  <caption id="languages-caption">Languages</caption>
  <thead><tr>
    <th scope="col">Code</th><th scope="col">Name</th>
    <th scope="col" class="num">Used by</th><th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:l = Languages ?>
    <tr>
      <td><?cs var:l.Code ?></td>
      <td><?cs var:l.Name ?><?cs if:l.Default == "1" ?> (default)<?cs /if ?></td>
      <td class="num"><?cs var:l.Uses ?></td>
      <td class="row-actions"><?cs if:l.Default != "1" ?><a href="/admin/languages/remove?code=<?cs var:url_escape(l.Code) ?>">Remove</a><?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<section aria-labelledby="add-language">
  <h2 id="add-language">Add a language</h2>
  <?cs call:form_errors() ?>
  <form class="form" method="post" action="/admin/languages">
    <?cs call:csrf_field() ?>
    <?cs call:field_text("code", "Code (such as fr or pt-BR)", Form.code, Form.Errors.code, "1", "16") ?>
    <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "100") ?>
    <div class="form-actions"><button type="submit" class="button button-primary">Add language</button></div>
  </form>
</section>
<?cs /def ?>
