<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="page-header">
  <h1>Catalogs</h1>
  <div class="actions"><a class="button button-primary" href="/admin/catalogs/new">New catalog</a></div>
</div>
<?cs call:list_search("/admin/catalogs", "Name starts with") ?>
<?cs call:letter_index("/admin/catalogs", "Name starts with letter") ?>
<div class="table-wrap" role="region" aria-labelledby="catalogs-caption" tabindex="0">
<table class="data-table">
  <caption id="catalogs-caption">Catalogs</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/catalogs", "name", "Name") ?>
    <th scope="col" class="num">Certifications</th>
    <th scope="col">Status</th>
    <?cs call:sort_header("/admin/catalogs", "updated", "Last changed (UTC)") ?>
  </tr></thead>
  <tbody>
<?cs each:c = Catalogs ?>
    <tr>
      <td><a href="/admin/catalogs/<?cs var:c.Id ?>"><?cs var:c.Name ?></a></td>
      <td class="num"><?cs var:c.Certifications ?></td>
      <td><?cs if:c.Active == "1" ?>Active<?cs else ?>Inactive<?cs /if ?></td>
      <td><?cs var:string.slice(c.Updated, 0, 16) ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/catalogs") ?>
<?cs /def ?>
