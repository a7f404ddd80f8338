<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/groups">User groups</a> › <a href="/admin/groups/<?cs var:Group.Id ?>"><?cs var:Group.Name ?></a></p>
<h1>Members of <?cs var:Group.Name ?></h1>
<?cs call:form_errors() ?>

<h2 id="members-heading">Current members</h2>
<?cs if:subcount(Members) > 0 ?>
<form method="post" action="<?cs var:MemberPages.Action ?>">
  <?cs call:csrf_field() ?>
  <?cs call:field_error("member", Form.Errors.member) ?>
  <div class="table-wrap" role="region" aria-labelledby="members-caption" tabindex="0">
  <table class="data-table">
    <caption id="members-caption">Members <?cs var:MemberPages.First ?>–<?cs var:MemberPages.Last ?> of <?cs var:Group.Members ?></caption>
    <thead><tr>
      <th scope="col">Select</th>
      <th scope="col">Name</th>
      <th scope="col">Login</th>
      <th scope="col">E-mail</th>
    </tr></thead>
    <tbody>
<?cs each:u = Members ?>
      <tr>
        <td><label class="check" for="member-<?cs var:u.Id ?>"><input id="member-<?cs var:u.Id ?>" name="member" type="checkbox" value="<?cs var:u.Id ?>"<?cs if:u.Checked == "1" ?> checked<?cs /if ?>><span class="visually-hidden">Select <?cs var:u.Login ?></span></label></td>
        <td><a href="/admin/users/<?cs var:u.Id ?>"><?cs if:u.Name ?><?cs var:u.Name ?><?cs else ?><?cs var:u.Login ?><?cs /if ?></a><?cs if:u.Active != "1" ?> <span class="badge">Inactive</span><?cs /if ?></td>
        <td><?cs var:u.Login ?></td>
        <td><?cs var:u.Email ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs if:MemberPages.Prev || MemberPages.Next ?>
  <nav class="pagination" aria-label="Pages of members"><ul><?cs
    if:MemberPages.Prev ?><li><a rel="prev" href="<?cs var:MemberPages.Prev ?>">Previous</a></li><?cs /if ?><?cs
    if:MemberPages.Next ?><li><a rel="next" href="<?cs var:MemberPages.Next ?>">Next</a></li><?cs /if ?></ul></nav>
<?cs /if ?>
  <div class="field<?cs if:Form.Errors.confirm ?> field-invalid<?cs /if ?>">
    <label class="check" for="confirm"><input id="confirm" name="confirm" type="checkbox" value="1"<?cs call:field_invalid_attrs("confirm", Form.Errors.confirm) ?>>
    I understand that the selected users leave this group and can no longer enrol in its certifications through it.</label>
    <?cs call:field_error("confirm", Form.Errors.confirm) ?>
  </div>
  <div class="form-actions">
    <button type="submit" class="button button-danger">Remove selected</button>
  </div>
</form>
<?cs else ?>
<div class="empty-state"><p>This group has no members yet.</p></div>
<?cs /if ?>

<h2 id="add-heading">Add members</h2>
<form class="toolbar" method="get" action="/admin/groups/<?cs var:Group.Id ?>/members" role="search">
  <div class="field"><label for="user-q">Login, e-mail, first or last name starts with</label>
  <input id="user-q" name="q" type="search" value="<?cs var:Candidates.q ?>"></div>
  <button type="submit" class="button button-primary">Search</button>
</form>
<?cs if:Candidates.Searched ?>
<?cs if:subcount(Candidates.Users) > 0 ?>
<form method="post" action="<?cs var:Candidates.Action ?>">
  <?cs call:csrf_field() ?>
  <?cs call:field_error("user", Form.Errors.user) ?>
  <div class="table-wrap" role="region" aria-labelledby="candidates-caption" tabindex="0">
  <table class="data-table">
    <caption id="candidates-caption">Users found who are not members (<?cs var:Candidates.First ?>–<?cs var:Candidates.Last ?>)</caption>
    <thead><tr>
      <th scope="col">Select</th>
      <th scope="col">Name</th>
      <th scope="col">Login</th>
      <th scope="col">E-mail</th>
    </tr></thead>
    <tbody>
<?cs each:u = Candidates.Users ?>
      <tr>
        <td><label class="check" for="user-<?cs var:u.Id ?>"><input id="user-<?cs var:u.Id ?>" name="user" type="checkbox" value="<?cs var:u.Id ?>"<?cs if:u.Checked == "1" ?> checked<?cs /if ?>><span class="visually-hidden">Select <?cs var:u.Login ?></span></label></td>
        <td><?cs if:u.Name ?><?cs var:u.Name ?><?cs else ?><?cs var:u.Login ?><?cs /if ?><?cs if:u.Active != "1" ?> <span class="badge">Inactive</span><?cs /if ?></td>
        <td><?cs var:u.Login ?></td>
        <td><?cs var:u.Email ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs if:Candidates.Prev || Candidates.Next ?>
  <nav class="pagination" aria-label="Pages of users found"><ul><?cs
    if:Candidates.Prev ?><li><a rel="prev" href="<?cs var:Candidates.Prev ?>">Previous</a></li><?cs /if ?><?cs
    if:Candidates.Next ?><li><a rel="next" href="<?cs var:Candidates.Next ?>">Next</a></li><?cs /if ?></ul></nav>
<?cs /if ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Add selected</button>
  </div>
</form>
<?cs else ?>
<p>No user who is not already a member matches “<?cs var:Candidates.q ?>”.</p>
<?cs /if ?>
<?cs else ?>
<p class="form-note">Search for users to add by the start of their login, e-mail, first or last name.</p>
<?cs /if ?>
<?cs /def ?>
