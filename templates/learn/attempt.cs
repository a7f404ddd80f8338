<?cs # One attempt at a course's assessment: the questions while it is
  open, the result once it is submitted.

  Text cut into parts by page_text_parts: a paragraph per blank line, a
  <br> per line break, and web addresses as links that open in a new tab.
?><?cs def:text_parts(parts) ?><p><?cs each:t = parts ?><?cs
  if:t.Kind == "link" ?><a href="<?cs var:t.Href ?>" rel="noopener" target="_blank"><?cs var:t.Text ?><span class="visually-hidden"> (opens in a new tab)</span></a><?cs
  elif:t.Kind == "br" ?><br><?cs
  elif:t.Kind == "p" ?></p><p><?cs
  else ?><?cs var:t.Text ?><?cs /if ?><?cs /each ?></p><?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/learn/">Training</a> › <a href="/learn/courses/<?cs var:Course.Id ?>"><?cs var:Course.Name ?></a></p>
<h1>Assessment: attempt <?cs var:Attempt.Number ?><?cs if:Assessment.AttemptLimit > 0 ?> of <?cs var:Assessment.AttemptLimit ?><?cs /if ?></h1>
<?cs if:Attempt.Finished == "1" ?>
<section class="card" aria-labelledby="result-title">
  <h2 id="result-title"><?cs if:Attempt.Passed == "1" ?>You passed<?cs else ?>You did not pass<?cs /if ?></h2>
  <p>Your score is <strong><?cs var:Attempt.Score ?>%</strong>: <?cs var:Attempt.Correct ?> of <?cs var:Attempt.Questions ?> <?cs if:Attempt.Questions == 1 ?>question<?cs else ?>questions<?cs /if ?> answered correctly. The passing score is <?cs var:Course.PassingScore ?>%.</p>
<?cs if:Attempt.Passed == "1" ?>
  <p>The course is completed.</p>
<?cs elif:Progress.Status == "completed" ?>
  <p>You completed this course earlier, so this result does not change it.</p>
<?cs elif:Assessment.CanStart == "1" ?>
  <form method="post" action="/learn/courses/<?cs var:Course.Id ?>/attempts">
    <?cs call:csrf_field() ?>
    <button type="submit" class="button button-primary">Try again</button>
  </form>
<?cs else ?>
  <p>You have used every attempt this assessment allows. Ask your training administrator if you need another one.</p>
<?cs /if ?>
</section>
<p><a href="/learn/courses/<?cs var:Course.Id ?>">Back to the course</a></p>
<?cs else ?>
<p>Answer every question, then submit your answers. You pass with a score of <?cs var:Course.PassingScore ?>% or more; a question counts only when you choose exactly its correct options.</p>
<?cs if:Form.HasErrors ?><p class="form-error-summary" role="alert">Your answers were not submitted. Answer the questions marked below and submit again.</p><?cs /if ?>
<form class="form" method="post" action="/learn/attempts/<?cs var:Attempt.Id ?>">
  <?cs call:csrf_field() ?>
<?cs each:q = Questions ?>
  <fieldset id="<?cs var:q.Field ?>"<?cs if:q.Error ?> class="field-invalid" aria-describedby="<?cs var:q.Field ?>-prompt <?cs var:q.Field ?>-error"<?cs else ?> aria-describedby="<?cs var:q.Field ?>-prompt"<?cs /if ?>>
    <legend>Question <?cs var:q.Number ?> of <?cs var:Attempt.Questions ?><?cs if:q.Multiple == "1" ?> (choose every correct answer)<?cs /if ?></legend>
    <div id="<?cs var:q.Field ?>-prompt"><?cs call:text_parts(q.Prompt) ?></div>
    <?cs call:field_error(q.Field, q.Error) ?>
<?cs each:o = q.Options ?>
    <label class="check" for="<?cs var:q.Field ?>-<?cs var:o.Id ?>"><input id="<?cs var:q.Field ?>-<?cs var:o.Id ?>" name="<?cs var:q.Field ?>" type="<?cs if:q.Multiple == "1" ?>checkbox<?cs else ?>radio<?cs /if ?>" value="<?cs var:o.Id ?>"<?cs if:o.Chosen == "1" ?> checked<?cs /if ?>> <?cs var:o.Label ?></label>
<?cs /each ?>
  </fieldset>
<?cs /each ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Submit answers</button>
    <a class="button" href="/learn/courses/<?cs var:Course.Id ?>">Back to the course</a>
  </div>
</form>
<?cs /if ?>
<?cs /def ?>
