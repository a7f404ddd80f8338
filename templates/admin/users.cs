<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="page-header">
  <h1>Users</h1>
  <div class="actions"><a class="button button-primary" href="/admin/users/new">New user</a> <a class="button" href="/admin/imports">Import users</a></div>
</div>
<?cs # The search and the filters are one form, so searching keeps the
  filters and the sort order; the letter starts over.
?><form class="toolbar" method="get" action="/admin/users" role="search" aria-label="Find users">
  <div class="field"><label for="list-q">Login, e-mail or name starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <div class="field"><label for="filter-type">User type</label>
  <select id="filter-type" name="type">
    <option value="">Any type</option>
    <option value="none"<?cs if:Filter.type == "none" ?> selected<?cs /if ?>>No user type</option>
<?cs each:t = UserTypes ?>
    <option value="<?cs var:t.Id ?>"<?cs if:Filter.type == t.Id ?> selected<?cs /if ?>><?cs var:t.Name ?></option>
<?cs /each ?>
  </select></div>
  <div class="field"><label for="filter-group">User group</label>
  <select id="filter-group" name="group">
    <option value="">Any group</option>
<?cs each:g = FilterGroups ?>
    <option value="<?cs var:g.Id ?>"<?cs if:Filter.group == g.Id ?> selected<?cs /if ?>><?cs var:g.Name ?></option>
<?cs /each ?>
  </select></div>
  <div class="field"><label for="filter-role">Role</label>
  <select id="filter-role" name="role">
    <option value="">Any role</option>
    <option value="admin"<?cs if:Filter.role == "admin" ?> selected<?cs /if ?>>Administrator</option>
    <option value="learner"<?cs if:Filter.role == "learner" ?> selected<?cs /if ?>>Learner</option>
  </select></div>
  <div class="field"><label for="filter-status">Status</label>
  <select id="filter-status" name="status">
    <option value="">Any status</option>
    <option value="active"<?cs if:Filter.status == "active" ?> selected<?cs /if ?>>Active</option>
    <option value="inactive"<?cs if:Filter.status == "inactive" ?> selected<?cs /if ?>>Inactive</option>
  </select></div>
  <input type="hidden" name="sort" value="<?cs var:List.sort ?>">
  <input type="hidden" name="dir" value="<?cs var:List.dir ?>">
  <button type="submit" class="button button-primary">Search</button>
</form>
<?cs call:letter_index("/admin/users", "Last name starts with") ?>
<div class="table-wrap" role="region" aria-labelledby="users-caption" tabindex="0">
<table class="data-table">
  <caption id="users-caption">Users</caption>
  <thead><tr>
    <?cs call:sort_header("/admin/users", "name", "Name") ?>
    <?cs call:sort_header("/admin/users", "login", "Login") ?>
    <?cs call:sort_header("/admin/users", "email", "E-mail") ?>
    <th scope="col">Role</th>
    <th scope="col">User type</th>
    <th scope="col">Status</th>
    <?cs call:sort_header("/admin/users", "signin", "Last sign-in (UTC)") ?>
  </tr></thead>
  <tbody>
<?cs each:u = Users ?>
    <tr>
      <td><a href="/admin/users/<?cs var:u.Id ?>"><?cs
        if:string.length(u.LastName) > 0 && string.length(u.FirstName) > 0 ?><?cs var:u.LastName ?>, <?cs var:u.FirstName ?><?cs
        elif:string.length(u.LastName) > 0 ?><?cs var:u.LastName ?><?cs
        elif:string.length(u.FirstName) > 0 ?><?cs var:u.FirstName ?><?cs
        else ?><?cs var:u.Login ?><?cs /if ?></a></td>
      <td><?cs var:u.Login ?></td>
      <td><?cs var:u.Email ?></td>
      <td><?cs if:u.Role == "admin" ?>Administrator<?cs else ?>Learner<?cs /if ?></td>
      <td><?cs var:u.UserType ?></td>
      <td><?cs if:u.Active == "1" ?>Active<?cs else ?><span class="badge badge-revoked">Inactive</span><?cs /if ?></td>
      <td><?cs if:string.length(u.LastSignIn) > 0 ?><?cs var:string.slice(u.LastSignIn, 0, 16) ?><?cs else ?>Never<?cs /if ?></td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/admin/users") ?>
<?cs /def ?>
