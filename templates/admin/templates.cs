<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="page-header">
  <h1>Certificate templates</h1>
  <div class="actions"><a class="button button-primary" href="/admin/templates/new">New template</a></div>
</div>
<?cs call:list_search("/admin/templates", "Name starts with") ?>
<?cs call:letter_index("/admin/templates", "Name starts with letter") ?>
<div class="table-wrap" role="region" aria-labelledby="templates-caption" tabindex="0">
<table class="data-table">
  <caption id="templates-caption">Certificate templates</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/templates", "name", "Name") ?>
    <th scope="col">Page size</th>
    <th scope="col">Orientation</th>
    <th scope="col">Background</th>
    <th scope="col" class="num">Used by certifications</th>
    <?cs call:sort_header("/admin/templates", "updated", "Last changed (UTC)") ?>
  </tr></thead>
  <tbody>
<?cs each:t = Templates ?>
    <tr>
      <td><a href="/admin/templates/<?cs var:t.Id ?>"><?cs var:t.Name ?></a></td>
      <td><?cs var:t.PageSize ?></td>
      <td><?cs var:t.Orientation ?></td>
      <td><?cs if:t.BackgroundId ?><a href="/files/<?cs var:t.BackgroundId ?>"><img src="/files/<?cs var:t.BackgroundId ?>" alt="Background of <?cs var:t.Name ?>" width="64"></a><?cs else ?><span class="muted">None</span><?cs /if ?></td>
      <td class="num"><?cs var:t.Certifications ?></td>
      <td><?cs var:string.slice(t.Updated, 0, 16) ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/templates") ?>
<?cs /def ?>
