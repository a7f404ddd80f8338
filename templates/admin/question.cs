<?cs # The form of a new or existing question of a course's assessment.
  C fills Rows.N (N, Label, Correct, OptionId, Error) with one row per
  option input, so the template loops over them.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses">Courses</a> › <a href="/admin/courses/<?cs var:Course.Id ?>"><?cs var:Course.Code ?> <?cs var:Course.Name ?></a> › <a href="/admin/courses/<?cs var:Course.Id ?>/assessment">Assessment</a></p>
<h1><?cs if:Question.Id ?>Edit question <?cs var:Question.Number ?><?cs else ?>New question<?cs /if ?></h1>
<?cs call:form_errors() ?>
<form class="form" method="post" action="<?cs if:Question.Id ?>/admin/questions/<?cs var:Question.Id ?><?cs else ?>/admin/courses/<?cs var:Course.Id ?>/questions<?cs /if ?>">
  <?cs call:csrf_field() ?>
  <p class="form-note">Fields marked * are required.</p>
  <div class="field<?cs if:Form.Errors.prompt ?> field-invalid<?cs /if ?>">
    <label for="prompt">Question <span class="required-marker" aria-hidden="true">*</span></label>
    <p class="field-hint" id="prompt-hint">Plain text of up to 2000 characters; web addresses become links.</p>
    <textarea id="prompt" name="prompt" rows="4" required aria-describedby="prompt-hint<?cs if:Form.Errors.prompt ?> prompt-error<?cs /if ?>"<?cs if:Form.Errors.prompt ?> aria-invalid="true"<?cs /if ?>><?cs var:Form.prompt ?></textarea>
    <?cs call:field_error("prompt", Form.Errors.prompt) ?>
  </div>
  <div class="field">
    <label class="check" for="multiple"><input id="multiple" name="multiple" type="checkbox" value="1" aria-describedby="multiple-hint"<?cs if:Form.multiple == "1" ?> checked<?cs /if ?>> Learners choose every correct option</label>
    <p class="field-hint" id="multiple-hint">Learners see check boxes and may mark several options; several options can then be correct. Otherwise they see radio buttons, choose one option, and exactly one option is correct.</p>
  </div>
  <fieldset id="options"<?cs if:Form.Errors.options ?> class="field-invalid" aria-describedby="options-hint options-error"<?cs else ?> aria-describedby="options-hint"<?cs /if ?>>
    <legend>Options <span class="required-marker" aria-hidden="true">*</span></legend>
    <p class="field-hint" id="options-hint">At least two options, each up to 500 characters, with at least one marked correct. Empty rows are left out; to remove an option, clear its text. Learners see the options in this order. At most <?cs var:Question.OptionsMax ?> options.</p>
    <?cs call:field_error("options", Form.Errors.options) ?>
    <div class="table-wrap" role="region" aria-labelledby="options-caption" tabindex="0">
    <table class="data-table">
      <caption id="options-caption">Options and which are correct</caption>
      <thead><tr><th scope="col" class="num">No.</th><th scope="col">Option</th><th scope="col">Correct</th></tr></thead>
      <tbody>
<?cs each:r = Rows ?>
        <tr>
          <td class="num"><?cs var:r.N ?></td>
          <td class="field<?cs if:r.Error ?> field-invalid<?cs /if ?>">
            <label class="visually-hidden" for="option_<?cs var:r.N ?>">Option <?cs var:r.N ?></label>
            <input id="option_<?cs var:r.N ?>" name="option_<?cs var:r.N ?>" type="text" maxlength="500" value="<?cs var:r.Label ?>"<?cs call:field_invalid_attrs("option_" + r.N, r.Error) ?>>
<?cs if:r.OptionId ?>
            <input type="hidden" name="option_id_<?cs var:r.N ?>" value="<?cs var:r.OptionId ?>">
<?cs /if ?>
            <?cs call:field_error("option_" + r.N, r.Error) ?>
          </td>
          <td><label class="check" for="correct_<?cs var:r.N ?>"><input id="correct_<?cs var:r.N ?>" name="correct_<?cs var:r.N ?>" type="checkbox" value="1"<?cs if:r.Correct == "1" ?> checked<?cs /if ?>> Correct<span class="visually-hidden"> (option <?cs var:r.N ?>)</span></label></td>
        </tr>
<?cs /each ?>
      </tbody>
    </table>
    </div>
  </fieldset>
  <div class="form-actions">
    <button type="submit" class="button button-primary"><?cs if:Question.Id ?>Save question<?cs else ?>Add question<?cs /if ?></button>
    <a class="button" href="/admin/courses/<?cs var:Course.Id ?>/assessment">Cancel</a>
  </div>
</form>
<?cs /def ?>
