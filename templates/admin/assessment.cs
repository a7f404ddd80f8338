<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses">Courses</a> › <a href="/admin/courses/<?cs var:Course.Id ?>"><?cs var:Course.Code ?> <?cs var:Course.Name ?></a></p>
<div class="page-header">
  <h1>Assessment of <?cs var:Course.Code ?></h1>
  <div class="actions">
    <a class="button" href="/admin/courses/<?cs var:Course.Id ?>/content">Content</a>
<?cs if:Assessment.Questions < Assessment.QuestionsMax ?>
    <a class="button button-primary" href="/admin/courses/<?cs var:Course.Id ?>/questions/new">Add a question</a>
<?cs /if ?>
  </div>
</div>
<dl class="details">
  <dt>Passing score</dt><dd><?cs var:Course.PassingScore ?>% <span class="muted">(set on the <a href="/admin/courses/<?cs var:Course.Id ?>">course page</a>)</span></dd>
  <dt>Grading</dt><dd>A question scores only when exactly its correct options are chosen. The score is the share of questions that scored.</dd>
  <dt>Attempts so far</dt><dd><?cs var:Assessment.Attempts ?> by <?cs var:Assessment.Learners ?> <?cs if:Assessment.Learners == 1 ?>learner<?cs else ?>learners<?cs /if ?></dd>
</dl>

<section id="questions" aria-labelledby="questions-title">
<h2 id="questions-title">Questions</h2>
<?cs if:subcount(Questions) > 0 ?>
<p class="form-note">Learners answer the questions in this order. Changes apply to attempts submitted from now on; results already recorded stay.</p>
<div class="table-wrap" role="region" aria-labelledby="questions-caption" tabindex="0">
<table class="data-table">
  <caption id="questions-caption">Questions of <?cs var:Course.Code ?> (<?cs var:Assessment.Questions ?> of at most <?cs var:Assessment.QuestionsMax ?>)</caption>
  <thead><tr>
    <th scope="col" class="num">No.</th>
    <th scope="col">Question</th>
    <th scope="col">Answers</th>
    <th scope="col" class="num">Options</th>
    <th scope="col" class="num">Correct</th>
    <th scope="col"><span class="visually-hidden">Actions</span></th>
  </tr></thead>
  <tbody>
<?cs each:q = Questions ?>
    <tr>
      <td class="num"><?cs var:q.Number ?></td>
      <td><?cs var:q.Prompt ?></td>
      <td><?cs if:q.Multiple == "1" ?>Several<?cs else ?>One<?cs /if ?></td>
      <td class="num"><?cs var:q.Options ?></td>
      <td class="num"><?cs var:q.Correct ?></td>
      <td class="row-actions">
        <a class="button button-small" href="/admin/questions/<?cs var:q.Id ?>">Edit<span class="visually-hidden"> question <?cs var:q.Number ?></span></a>
<?cs if:q.Number > 1 ?>
        <form class="inline-form" method="post" action="/admin/questions/<?cs var:q.Id ?>/move"><?cs call:csrf_field() ?><input type="hidden" name="dir" value="up"><button type="submit" class="button button-small">Move up<span class="visually-hidden"> question <?cs var:q.Number ?></span></button></form>
<?cs /if ?>
<?cs if:q.Last != "1" ?>
        <form class="inline-form" method="post" action="/admin/questions/<?cs var:q.Id ?>/move"><?cs call:csrf_field() ?><input type="hidden" name="dir" value="down"><button type="submit" class="button button-small">Move down<span class="visually-hidden"> question <?cs var:q.Number ?></span></button></form>
<?cs /if ?>
        <a class="button button-small button-danger" href="/admin/questions/<?cs var:q.Id ?>/delete">Delete<span class="visually-hidden"> question <?cs var:q.Number ?></span></a>
      </td>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<div class="empty-state">
  <p>This course has no assessment yet<?cs if:Course.Online == "1" ?>, so learners complete it with "Mark as complete" once they have opened its content<?cs /if ?>.</p>
  <p><a class="button button-primary" href="/admin/courses/<?cs var:Course.Id ?>/questions/new">Add the first question</a></p>
</div>
<?cs /if ?>
</section>

<section id="settings" aria-labelledby="settings-title">
<h2 id="settings-title">Attempts</h2>
<?cs call:form_errors() ?>
<form class="form" method="post" action="/admin/courses/<?cs var:Course.Id ?>/assessment">
  <?cs call:csrf_field() ?>
  <div class="field<?cs if:Form.Errors.attempt_limit ?> field-invalid<?cs /if ?>">
    <label for="attempt_limit">Attempt limit</label>
    <p class="field-hint" id="attempt_limit-hint">How many times a learner may take the assessment: a whole number from 1 to 100. Leave it empty for no limit.</p>
    <input id="attempt_limit" name="attempt_limit" type="text" inputmode="numeric" maxlength="3" value="<?cs var:Form.attempt_limit ?>" aria-describedby="attempt_limit-hint<?cs if:Form.Errors.attempt_limit ?> attempt_limit-error<?cs /if ?>"<?cs if:Form.Errors.attempt_limit ?> aria-invalid="true"<?cs /if ?>>
    <?cs call:field_error("attempt_limit", Form.Errors.attempt_limit) ?>
  </div>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save attempt limit</button>
  </div>
</form>
</section>
<?cs /def ?>
