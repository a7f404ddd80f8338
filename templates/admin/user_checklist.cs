<?cs # An administrator ticks the checklist of one course for a learner.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/users">Users</a> › <a href="/admin/users/<?cs var:User.Id ?>"><?cs var:User.Name ?></a> › <a href="/admin/users/<?cs var:User.Id ?>/checklist">Checklists</a></p>
<h1>Checklist: <?cs var:Course.Name ?></h1>
<p><?cs var:User.Name ?> (<?cs var:User.Login ?>), course <?cs var:Course.Code ?><?cs if:Course.Status == "cancelled" ?>; the registration is cancelled<?cs /if ?></p>
<?cs if:subcount(Items) > 0 ?>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/users/<?cs var:User.Id ?>/checklist">
  <?cs call:csrf_field() ?>
  <input type="hidden" name="course" value="<?cs var:Course.Id ?>">
  <fieldset<?cs if:Form.Errors.item ?> class="field-invalid" aria-describedby="item-error"<?cs /if ?>>
    <legend>Items done by the learner</legend>
<?cs each:i = Items ?>
    <label class="check" for="item-<?cs var:i.Id ?>"><input id="item-<?cs var:i.Id ?>" name="item" type="checkbox" value="<?cs var:i.Id ?>"<?cs if:i.Ticked == "1" ?> checked<?cs /if ?>> <span><?cs var:i.Text ?><?cs if:i.Ticked == "1" ?><br><span class="muted small">Ticked <?cs var:i.TickedAt ?><?cs if:i.TickedBy ?> by <?cs var:i.TickedBy ?><?cs /if ?></span><?cs /if ?></span></label>
<?cs /each ?>
    <?cs call:field_error("item", Form.Errors.item) ?>
  </fieldset>
  <p class="form-note">Times are in <?cs var:Site.TimeZone ?>. Saving ticks the ticked items and unticks the others; each change is recorded in the audit log.</p>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save checklist</button>
    <a class="button" href="/admin/users/<?cs var:User.Id ?>/checklist">Cancel</a>
  </div>
</form>
<?cs else ?>
<p class="muted">This course has no checklist. Add items on the course's edit page.</p>
<?cs /if ?>
<?cs /def ?>
