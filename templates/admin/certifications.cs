<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="page-header">
  <h1>Certifications and course groups</h1>
  <div class="actions"><a class="button button-primary" href="/admin/certifications/new">New certification</a></div>
</div>
<form class="toolbar" method="get" action="/admin/certifications" role="search">
  <div class="field"><label for="list-q">Name starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <div class="field"><label for="filter-catalog">Catalog</label>
  <select id="filter-catalog" name="catalog">
    <option value="">All catalogs</option>
<?cs each:k = Catalogs ?>
    <option value="<?cs var:k.Id ?>"<?cs if:Filter.catalog == k.Id ?> selected<?cs /if ?>><?cs var:k.Name ?><?cs if:k.Active != "1" ?> (inactive)<?cs /if ?></option>
<?cs /each ?>
  </select></div>
  <div class="field"><label for="filter-availability">Availability</label>
  <select id="filter-availability" name="availability">
    <option value="">Any</option>
    <option value="certification"<?cs if:Filter.availability == "certification" ?> selected<?cs /if ?>>Certification</option>
    <option value="course_group"<?cs if:Filter.availability == "course_group" ?> selected<?cs /if ?>>Course Group without Certification</option>
  </select></div>
  <div class="field"><label for="filter-status">Status</label>
  <select id="filter-status" name="status">
    <option value="">Any</option>
    <option value="active"<?cs if:Filter.status == "active" ?> selected<?cs /if ?>>Active</option>
    <option value="inactive"<?cs if:Filter.status == "inactive" ?> selected<?cs /if ?>>Inactive</option>
  </select></div>
  <button type="submit" class="button button-primary">Search</button>
</form>
<?cs call:letter_index("/admin/certifications", "Name starts with letter") ?>
<div class="table-wrap" role="region" aria-labelledby="certifications-caption" tabindex="0">
<table class="data-table">
  <caption id="certifications-caption">Certifications and course groups, newest version of each</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/certifications", "name", "Name") ?>
    <th scope="col" class="num">Version</th>
    <th scope="col" class="num">Versions</th>
    <th scope="col">Catalog</th>
    <th scope="col">Availability</th>
    <th scope="col">Status</th>
    <?cs call:sort_header("/admin/certifications", "updated", "Last changed (UTC)") ?>
  </tr></thead>
  <tbody>
<?cs each:c = Certs ?>
    <tr>
      <td><a href="/admin/certifications/<?cs var:c.Id ?>"><?cs var:c.Name ?></a></td>
      <td class="num"><?cs var:c.Version ?></td>
      <td class="num"><?cs var:c.Versions ?></td>
      <td><?cs if:c.Catalog ?><?cs var:c.Catalog ?><?cs else ?><span class="muted">None</span><?cs /if ?></td>
      <td><?cs if:c.Availability == "course_group" ?>Course Group without Certification<?cs else ?>Certification<?cs /if ?></td>
      <td><?cs if:c.Active == "1" ?>Active<?cs else ?>Inactive<?cs /if ?></td>
      <td><?cs var:string.slice(c.Updated, 0, 16) ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/certifications") ?>
<?cs /def ?>
