<?cs # The learner's checklist of one course they are registered in.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/learn/">Training</a></p>
<h1>Checklist: <?cs var:Course.Name ?></h1>
<p class="muted"><?cs var:Course.Code ?></p>
<?cs if:subcount(Items) > 0 ?>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/learn/courses/<?cs var:Course.Id ?>/checklist">
  <?cs call:csrf_field() ?>
  <fieldset<?cs if:Form.Errors.item ?> class="field-invalid" aria-describedby="item-error"<?cs /if ?>>
    <legend>Tick what you have done</legend>
<?cs each:i = Items ?>
    <label class="check" for="item-<?cs var:i.Id ?>"><input id="item-<?cs var:i.Id ?>" name="item" type="checkbox" value="<?cs var:i.Id ?>"<?cs if:i.Ticked == "1" ?> checked<?cs /if ?>> <span><?cs var:i.Text ?><?cs if:i.Ticked == "1" ?><br><span class="muted small">Ticked <?cs var:i.TickedAt ?><?cs if:i.TickedBySelf == "1" ?> by you<?cs else ?> by your training administrator<?cs /if ?></span><?cs /if ?></span></label>
<?cs /each ?>
    <?cs call:field_error("item", Form.Errors.item) ?>
  </fieldset>
  <p class="form-note">Times are in <?cs var:Site.TimeZone ?>.</p>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save checklist</button>
    <a class="button" href="/learn/">Back to Training</a>
  </div>
</form>
<?cs else ?>
<p class="muted">This course has no checklist.</p>
<?cs /if ?>
<?cs /def ?>
