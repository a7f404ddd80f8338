<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/groups">User groups</a> › <a href="/admin/groups/<?cs var:Group.Id ?>"><?cs var:Group.Name ?></a></p>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="confirm-title">
  <h1 id="confirm-title">Remove certifications from <?cs var:Group.Name ?>?</h1>
  <p>The group will no longer subscribe to:</p>
  <ul>
<?cs each:c = Confirm.Remove ?>
    <li><?cs var:c.Name ?> (version <?cs var:c.Version ?>)</li>
<?cs /each ?>
  </ul>
  <p>Members can then no longer enrol in these certifications through this group. Enrolments they already have are kept. The Auto Enroll settings of the other certifications are saved at the same time.</p>
  <form method="post" action="/admin/groups/<?cs var:Group.Id ?>/subscriptions" class="dialog-actions">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="confirm" value="1">
    <input type="hidden" name="families" value="<?cs var:Confirm.Families ?>">
<?cs each:a = Confirm.AutoEnroll ?>
    <input type="hidden" name="auto_enroll" value="<?cs var:a.FamilyId ?>">
<?cs /each ?>
<?cs each:c = Confirm.Remove ?>
    <input type="hidden" name="remove" value="<?cs var:c.FamilyId ?>">
<?cs /each ?>
    <a class="button" href="/admin/groups/<?cs var:Group.Id ?>">Cancel</a>
    <button type="submit" class="button button-danger">Remove and save</button>
  </form>
</section>
<?cs /def ?>
