<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/groups">User groups</a></p>
<h1><?cs if:Group.Id ?>Edit user group<?cs else ?>New user group<?cs /if ?></h1>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/groups<?cs if:Group.Id ?>/<?cs var:Group.Id ?><?cs /if ?>">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "150") ?>
  <?cs call:field_textarea("description", "Description", Form.description, Form.Errors.description, "") ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/groups">Cancel</a>
  </div>
</form>
<?cs if:Group.Id ?>
<h2>Members</h2>
<p><?cs if:Group.Members == 1 ?>This group has 1 member.<?cs else ?>This group has <?cs var:Group.Members ?> members.<?cs /if ?>
  <a href="/admin/groups/<?cs var:Group.Id ?>/members">Manage members</a></p>

<h2 id="subscribed-heading">Currently Subscribed Certifications</h2>
<?cs if:subcount(Subscriptions) > 0 ?>
<p class="form-note">Members of the group can enrol in these certifications. With Auto Enroll, members who can access a certification are enrolled in it when they sign in. Each row shows the newest version.</p>
<form method="post" action="/admin/groups/<?cs var:Group.Id ?>/subscriptions">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="families" value="<?cs each:s = Subscriptions ?><?cs var:s.FamilyId ?> <?cs /each ?>">
  <div class="table-wrap" role="region" aria-labelledby="subscribed-caption" tabindex="0">
  <table class="data-table">
    <caption id="subscribed-caption">Certifications that <?cs var:Group.Name ?> subscribes to</caption>
    <thead><tr>
      <th scope="col">Certification</th>
      <th scope="col" class="num">Version</th>
      <th scope="col">Status</th>
      <th scope="col">Auto Enroll</th>
      <th scope="col" class="num">Enrolled at next sign-in</th>
      <th scope="col">Remove</th>
    </tr></thead>
    <tbody>
<?cs each:s = Subscriptions ?>
      <tr>
        <td><?cs if:s.CertificationId ?><a href="/admin/certifications/<?cs var:s.CertificationId ?>"><?cs var:s.Name ?></a><?cs else ?>Certification family <?cs var:s.FamilyId ?> (no version yet)<?cs /if ?></td>
        <td class="num"><?cs var:s.Version ?></td>
        <td><?cs if:s.Active == "1" ?>Active<?cs else ?><span class="badge">Inactive</span><?cs /if ?></td>
        <td><label class="check" for="auto-<?cs var:s.FamilyId ?>"><input id="auto-<?cs var:s.FamilyId ?>" name="auto_enroll" type="checkbox" value="<?cs var:s.FamilyId ?>"<?cs if:s.AutoEnroll == "1" ?> checked<?cs /if ?>><span class="visually-hidden">Auto Enroll in <?cs var:s.Name ?></span></label></td>
        <td class="num"><?cs if:s.AutoEnroll == "1" ?><?cs var:s.Pending ?> <?cs if:s.Pending == 1 ?>member<?cs else ?>members<?cs /if ?><?cs else ?><span class="muted">–</span><?cs /if ?></td>
        <td><label class="check" for="remove-<?cs var:s.FamilyId ?>"><input id="remove-<?cs var:s.FamilyId ?>" name="remove" type="checkbox" value="<?cs var:s.FamilyId ?>"><span class="visually-hidden">Remove <?cs var:s.Name ?></span></label></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <p class="form-note">Removing a certification asks for confirmation before anything is saved. Enrolments that members already have are kept.</p>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
  </div>
</form>
<?cs else ?>
<div class="empty-state"><p>This group subscribes to no certifications yet.</p></div>
<?cs /if ?>
<div class="form-actions">
  <a class="button" href="/admin/groups/<?cs var:Group.Id ?>/certifications">Available Certifications</a>
</div>
<?cs /if ?>
<?cs /def ?>
