<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/groups">User groups</a> › <a href="/admin/groups/<?cs var:Group.Id ?>"><?cs var:Group.Name ?></a></p>
<h1>Available Certifications</h1>
<p>Certifications that <?cs var:Group.Name ?> does not subscribe to yet. New subscriptions start with Auto Enroll off.</p>
<?cs call:form_errors() ?>
<?cs call:list_search(Picker.Base, "Name starts with") ?>
<?cs call:letter_index(Picker.Base, "Name starts with letter") ?>
<?cs if:subcount(Available) > 0 ?>
<form method="post" action="<?cs var:Picker.Base ?>?page=<?cs var:List.page ?><?cs var:List.Params ?>">
  <?cs call:csrf_field() ?>
  <?cs call:field_error("family", Form.Errors.family) ?>
  <div class="table-wrap" role="region" aria-labelledby="available-caption" tabindex="0">
  <table class="data-table">
    <caption id="available-caption">Certifications available to <?cs var:Group.Name ?></caption>
    <thead><tr>
      <th scope="col">Select</th>
      <th scope="col">Certification</th>
      <th scope="col" class="num">Version</th>
      <th scope="col">Status</th>
    </tr></thead>
    <tbody>
<?cs each:c = Available ?>
      <tr>
        <td><label class="check" for="family-<?cs var:c.FamilyId ?>"><input id="family-<?cs var:c.FamilyId ?>" name="family" type="checkbox" value="<?cs var:c.FamilyId ?>"<?cs if:c.Checked == "1" ?> checked<?cs /if ?>><span class="visually-hidden">Select <?cs var:c.Name ?></span></label></td>
        <td><?cs var:c.Name ?></td>
        <td class="num"><?cs var:c.Version ?></td>
        <td><?cs if:c.Active == "1" ?>Active<?cs else ?><span class="badge">Inactive</span><?cs /if ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Add selected</button>
    <a class="button" href="/admin/groups/<?cs var:Group.Id ?>">Cancel</a>
  </div>
</form>
<?cs else ?>
<div class="empty-state"><p><?cs if:List.q || List.letter ?>No certification that the group does not subscribe to matches this search.<?cs else ?>The group subscribes to every certification.<?cs /if ?></p></div>
<p><a href="/admin/groups/<?cs var:Group.Id ?>">Back to the group</a></p>
<?cs /if ?>
<?cs call:pager(Picker.Base) ?>
<?cs /def ?>
