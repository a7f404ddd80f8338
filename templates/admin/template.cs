<?cs def:head_extra() ?><?cs /def ?><?cs #

  One number of the layout table: a text input with a label that only
  screen readers show, since the column header names it on screen.
?><?cs def:layout_input(id, label, value, error) ?><label class="visually-hidden" for="<?cs var:id ?>"><?cs var:label ?></label>
        <input id="<?cs var:id ?>" name="<?cs var:id ?>" type="text" inputmode="decimal" value="<?cs var:value ?>" maxlength="6" required<?cs call:field_invalid_attrs(id, error) ?>>
        <?cs call:field_error(id, error) ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/templates">Certificate templates</a></p>
<h1><?cs if:Template.Id ?>Edit certificate template<?cs else ?>New certificate template<?cs /if ?></h1>
<?cs if:Template.Certifications > 0 ?><p class="lead">Used by <?cs var:Template.Certifications ?> <?cs if:Template.Certifications == 1 ?>certification<?cs else ?>certifications<?cs /if ?>.</p><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" enctype="multipart/form-data" action="/admin/templates<?cs if:Template.Id ?>/<?cs var:Template.Id ?><?cs /if ?>">
  <?cs call:csrf_field() ?>
  <div class="form">
  <p class="form-note">Fields marked * are required.</p>
  <?cs call:field_text("name", "Name", Form.name, Form.Errors.name, "1", "150") ?>

  <div class="field<?cs if:Form.Errors.page_size ?> field-invalid<?cs /if ?>">
    <label for="page_size">Page size</label>
    <select id="page_size" name="page_size"<?cs call:field_invalid_attrs("page_size", Form.Errors.page_size) ?>>
      <option value="A4"<?cs if:Form.page_size == "A4" ?> selected<?cs /if ?>>A4 (210 × 297 mm)</option>
      <option value="Letter"<?cs if:Form.page_size == "Letter" ?> selected<?cs /if ?>>Letter (215.9 × 279.4 mm)</option>
    </select>
    <?cs call:field_error("page_size", Form.Errors.page_size) ?>
  </div>

  <fieldset<?cs if:Form.Errors.orientation ?> class="field-invalid" aria-describedby="orientation-error"<?cs /if ?>>
    <legend>Orientation</legend>
    <label class="check" for="orientation-portrait"><input id="orientation-portrait" name="orientation" type="radio" value="portrait"<?cs if:Form.orientation == "portrait" ?> checked<?cs /if ?>> Portrait</label>
    <label class="check" for="orientation-landscape"><input id="orientation-landscape" name="orientation" type="radio" value="landscape"<?cs if:Form.orientation == "landscape" ?> checked<?cs /if ?>> Landscape</label>
    <?cs call:field_error("orientation", Form.Errors.orientation) ?>
  </fieldset>

  <div class="field<?cs if:Form.Errors.background ?> field-invalid<?cs /if ?>">
    <label for="background">Background image</label>
    <p class="field-hint" id="background-hint">A PNG or JPEG image of at most 5 MB and 6000 × 6000 pixels.<?cs if:Template.BackgroundId ?> Choose a file only to replace the current background.<?cs /if ?></p>
    <input id="background" name="background" type="file" accept="image/png,image/jpeg" aria-describedby="background-hint<?cs if:Form.Errors.background ?> background-error<?cs /if ?>"<?cs if:Form.Errors.background ?> aria-invalid="true"<?cs /if ?>>
    <?cs call:field_error("background", Form.Errors.background) ?>
    <?cs if:Template.FileDropped ?><p class="field-hint">The image you chose was not saved because of the errors in this form. Choose it again before saving.</p><?cs /if ?>
  </div>
<?cs if:Template.BackgroundId ?>
  <div class="field">
    <p class="field-label">Current background</p>
    <p><a href="/files/<?cs var:Template.BackgroundId ?>"><img src="/files/<?cs var:Template.BackgroundId ?>" alt="Current background" width="240"></a></p>
    <p class="small"><?cs var:Template.BackgroundName ?>, <?cs var:Template.BackgroundWidth ?> × <?cs var:Template.BackgroundHeight ?> pixels</p>
  </div>
  <?cs call:field_checkbox("remove_background", "Remove the background", Form.remove_background) ?>
<?cs /if ?>
  </div>

  <fieldset>
    <legend>Layout</legend>
    <p class="field-hint">Each field prints in a box measured in millimetres from the top left corner of the page, with at most one decimal place. Every box must fit on the page (A4 is 210 × 297 mm, Letter 215.9 × 279.4 mm, the other way round in landscape). Font sizes are in points, from 6 to 96.</p>
    <div class="table-wrap" role="region" aria-labelledby="layout-caption" tabindex="0">
    <table class="data-table">
      <caption id="layout-caption">Where each field prints</caption>
      <thead><tr>
        <th scope="col">Field</th>
        <th scope="col">X (mm)</th>
        <th scope="col">Y (mm)</th>
        <th scope="col">Width (mm)</th>
        <th scope="col">Height (mm)</th>
        <th scope="col">Font size (pt)</th>
        <th scope="col">Alignment</th>
      </tr></thead>
      <tbody>
<?cs each:f = Layout ?>
      <tr>
        <th scope="row"><?cs var:f.Label ?></th>
        <td><?cs call:layout_input(f.Key + "_x", f.Label + " x in millimetres", f.X, f.XError) ?></td>
        <td><?cs call:layout_input(f.Key + "_y", f.Label + " y in millimetres", f.Y, f.YError) ?></td>
        <td><?cs call:layout_input(f.Key + "_width", f.Label + " width in millimetres", f.Width, f.WidthError) ?></td>
        <td><?cs call:layout_input(f.Key + "_height", f.Label + " height in millimetres", f.Height, f.HeightError) ?></td>
        <td><?cs call:layout_input(f.Key + "_font_size", f.Label + " font size in points", f.FontSize, f.FontSizeError) ?></td>
        <td><label class="visually-hidden" for="<?cs var:f.Key ?>_align"><?cs var:f.Label ?> alignment</label>
          <select id="<?cs var:f.Key ?>_align" name="<?cs var:f.Key ?>_align"<?cs call:field_invalid_attrs(f.Key + "_align", f.AlignError) ?>>
            <option value="left"<?cs if:f.Align == "left" ?> selected<?cs /if ?>>Left</option>
            <option value="center"<?cs if:f.Align == "center" ?> selected<?cs /if ?>>Centre</option>
            <option value="right"<?cs if:f.Align == "right" ?> selected<?cs /if ?>>Right</option>
          </select>
          <?cs call:field_error(f.Key + "_align", f.AlignError) ?></td>
      </tr>
<?cs /each ?>
      </tbody>
    </table>
    </div>
  </fieldset>

  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/templates">Cancel</a>
  </div>
</form>
<?cs /def ?>
