<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<h1>User types</h1>
<p>A user type (such as Employee or Partner) decides which certifications a user may see and enrol in.</p>
<?cs call:list_search("/admin/user-types", "Name starts with") ?>
<?cs call:letter_index("/admin/user-types", "Name starts with letter") ?>
<div class="table-wrap" role="region" aria-labelledby="types-caption" tabindex="0">
<table class="data-table">
  <caption id="types-caption">User types</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/user-types", "name", "Name") ?>
    <th scope="col">Description</th>
    <?cs call:sort_header("/admin/user-types", "users", "Users") ?>
  </tr></thead>
  <tbody>
<?cs each:t = Types ?>
    <tr>
      <td><a href="/admin/user-types/<?cs var:t.Id ?>"><?cs var:t.Name ?></a></td>
      <td><?cs var:t.Description ?></td>
      <td class="num"><?cs var:t.Users ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/user-types") ?>
<section aria-labelledby="add-type">
  <h2 id="add-type">Add a user type</h2>
  <?cs call:form_errors() ?>
  <form class="form" method="post" action="/admin/user-types">
    <?cs call:csrf_field() ?>
    <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "100") ?>
    <?cs call:field_textarea("description", "Description", Form.description, Form.Errors.description, "") ?>
    <div class="form-actions"><button type="submit" class="button button-primary">Add user type</button></div>
  </form>
</section>
<?cs /def ?>
