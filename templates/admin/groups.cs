<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="page-header">
  <h1>User groups</h1>
  <div class="actions"><a class="button button-primary" href="/admin/groups/new">New user group</a></div>
</div>
<?cs call:list_search("/admin/groups", "Name starts with") ?>
<?cs call:letter_index("/admin/groups", "Name starts with letter") ?>
<div class="table-wrap" role="region" aria-labelledby="groups-caption" tabindex="0">
<table class="data-table">
  <caption id="groups-caption">User groups</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/groups", "name", "Name") ?>
    <?cs call:sort_header("/admin/groups", "members", "Members") ?>
    <th scope="col" class="num">Subscribed certifications</th>
  </tr></thead>
  <tbody>
<?cs each:g = Groups ?>
    <tr>
      <td><a href="/admin/groups/<?cs var:g.Id ?>"><?cs var:g.Name ?></a></td>
      <td class="num"><a href="/admin/groups/<?cs var:g.Id ?>/members"><?cs var:g.Members ?><span class="visually-hidden"> members of <?cs var:g.Name ?></span></a></td>
      <td class="num"><?cs var:g.Subscriptions ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/groups") ?>
<?cs /def ?>
