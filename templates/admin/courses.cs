<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="page-header">
  <h1>Courses</h1>
  <div class="actions"><a class="button button-primary" href="/admin/courses/new">New course</a></div>
</div>
<form class="toolbar" method="get" action="/admin/courses" role="search">
  <div class="field"><label for="list-q">Code or name starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <div class="field"><label for="list-kind">Kind</label>
  <select id="list-kind" name="kind">
    <option value="">All kinds</option>
    <option value="online"<?cs if:Filter.kind == "online" ?> selected<?cs /if ?>>Online</option>
    <option value="ilt"<?cs if:Filter.kind == "ilt" ?> selected<?cs /if ?>>Instructor-led</option>
  </select></div>
  <div class="field"><label for="list-status">Status</label>
  <select id="list-status" name="status">
    <option value="">Active and inactive</option>
    <option value="active"<?cs if:Filter.status == "active" ?> selected<?cs /if ?>>Active</option>
    <option value="inactive"<?cs if:Filter.status == "inactive" ?> selected<?cs /if ?>>Inactive</option>
  </select></div>
  <input type="hidden" name="sort" value="<?cs var:List.sort ?>">
  <input type="hidden" name="dir" value="<?cs var:List.dir ?>">
  <button type="submit" class="button button-primary">Search</button>
</form>
<?cs call:letter_index("/admin/courses", "Name starts with letter") ?>
<div class="table-wrap" role="region" aria-labelledby="courses-caption" tabindex="0">
<table class="data-table">
  <caption id="courses-caption">Courses</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/courses", "code", "Code") ?>
    <?cs call:sort_header("/admin/courses", "name", "Name") ?>
    <th scope="col">Kind</th>
    <th scope="col">Language</th>
    <?cs call:sort_header("/admin/courses", "credit", "Credit hours") ?>
    <th scope="col" class="num">Passing score</th>
    <th scope="col">Status</th>
  </tr></thead>
  <tbody>
<?cs each:c = Courses ?>
    <tr>
      <td><?cs var:c.Code ?></td>
      <td><a href="/admin/courses/<?cs var:c.Id ?>"><?cs var:c.Name ?></a></td>
      <td><?cs if:c.Kind == "ilt" ?>Instructor-led<?cs else ?>Online<?cs /if ?></td>
      <td><?cs var:c.Language ?></td>
      <td class="num"><?cs var:c.Credit ?></td>
      <td class="num"><?cs var:c.Score ?>%</td>
      <td><?cs if:c.Active == "1" ?>Active<?cs else ?>Inactive<?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/courses") ?>
<?cs /def ?>
