<?cs # A course as the learner registered in it sees it: the content, then
  either the assessment or "Mark as complete".

  Text cut into parts by page_text_parts: a paragraph per blank line, a
  <br> per line break, and web addresses as links that open in a new tab.
?><?cs def:text_parts(parts) ?><p><?cs each:t = parts ?><?cs
  if:t.Kind == "link" ?><a href="<?cs var:t.Href ?>" rel="noopener" target="_blank"><?cs var:t.Text ?><span class="visually-hidden"> (opens in a new tab)</span></a><?cs
  elif:t.Kind == "br" ?><br><?cs
  elif:t.Kind == "p" ?></p><p><?cs
  else ?><?cs var:t.Text ?><?cs /if ?><?cs /each ?></p><?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/learn/">Training</a></p>
<h1><?cs var:Course.Name ?> <span class="muted"><?cs var:Course.Code ?></span></h1>
<dl class="details">
  <dt>Your status</dt>
  <dd><?cs if:Progress.Status == "completed" ?><?cs call:status_badge("completed") ?> <?cs var:Progress.CompletedOn ?><?cs
    elif:Progress.Status == "failed" ?><?cs call:status_badge("failed") ?> <?cs var:Progress.CompletedOn ?><?cs
    elif:Progress.Status == "in_progress" ?><?cs call:status_badge("in-progress") ?><?cs
    else ?>Registered<?cs /if ?></dd>
<?cs if:Progress.Score ?>
  <dt>Score</dt><dd><?cs var:Progress.Score ?>%</dd>
<?cs /if ?>
</dl>

<section aria-labelledby="content-title">
<h2 id="content-title">Content</h2>
<?cs if:subcount(Content) > 0 ?>
<div class="card"><?cs call:text_parts(Content) ?></div>
<?cs /if ?>
<?cs if:Document.Id ?>
<p><a class="button" href="/files/<?cs var:Document.Id ?>">Open the document<span class="visually-hidden">: <?cs var:Document.Name ?></span></a> <span class="muted"><?cs var:Document.Name ?> (PDF)</span></p>
<?cs /if ?>
<?cs if:subcount(Content) == 0 && !Document.Id ?>
<p class="muted">This course has no online content.</p>
<?cs /if ?>
</section>

<?cs if:Assessment.Questions > 0 ?>
<section aria-labelledby="assessment-title">
<h2 id="assessment-title">Assessment</h2>
<p><?cs var:Assessment.Questions ?> <?cs if:Assessment.Questions == 1 ?>question<?cs else ?>questions<?cs /if ?>. You pass with a score of <?cs var:Course.PassingScore ?>% or more.</p>
<p>Attempts: <?cs var:Assessment.Attempts ?> used, <?cs if:Assessment.AttemptLimit > 0 ?><?cs var:Assessment.AttemptLimit ?> allowed<?cs else ?>no limit<?cs /if ?>.</p>
<?cs if:Progress.Status == "completed" ?>
<p>You have completed this course.</p>
<?cs elif:Assessment.OpenId > 0 ?>
<p><a class="button button-primary" href="/learn/attempts/<?cs var:Assessment.OpenId ?>">Continue the assessment</a></p>
<?cs elif:Assessment.CanStart == "1" ?>
<form method="post" action="/learn/courses/<?cs var:Course.Id ?>/attempts">
  <?cs call:csrf_field() ?>
  <button type="submit" class="button button-primary"><?cs if:Assessment.Attempts > 0 ?>Try again<?cs else ?>Take the assessment<?cs /if ?></button>
</form>
<?cs else ?>
<p>You have used every attempt this assessment allows. Ask your training administrator if you need another one.</p>
<?cs /if ?>
<?cs if:subcount(Attempts) > 0 ?>
<div class="table-wrap" role="region" aria-labelledby="attempts-caption" tabindex="0">
<table class="data-table">
  <caption id="attempts-caption">Your attempts</caption>
  <thead><tr><th scope="col" class="num">Attempt</th><th scope="col">Submitted (UTC)</th><th scope="col" class="num">Score</th><th scope="col">Result</th></tr></thead>
  <tbody>
<?cs each:a = Attempts ?>
    <tr>
      <td class="num"><a href="/learn/attempts/<?cs var:a.Id ?>"><?cs var:a.Number ?></a></td>
<?cs if:a.FinishedAt ?>
      <td><?cs var:a.FinishedAt ?></td>
      <td class="num"><?cs var:a.Score ?>%</td>
      <td><?cs if:a.Passed == "1" ?>Passed<?cs else ?><?cs call:status_badge("failed") ?><?cs /if ?></td>
<?cs else ?>
      <td colspan="3" class="muted">Not submitted yet</td>
<?cs /if ?>
    </tr>
<?cs /each ?>
  </tbody>
</table>
</div>
<?cs /if ?>
</section>
<?cs elif:Course.CanComplete == "1" ?>
<section aria-labelledby="complete-title">
<h2 id="complete-title">Completion</h2>
<p>When you have worked through the content, mark the course as complete.</p>
<form method="post" action="/learn/courses/<?cs var:Course.Id ?>/complete">
  <?cs call:csrf_field() ?>
  <button type="submit" class="button button-primary">Mark as complete</button>
</form>
</section>
<?cs elif:Progress.Status != "completed" && Course.Online != "1" ?>
<p>This is an instructor-led course: your training administrator records its completion.</p>
<?cs /if ?>
<?cs /def ?>
