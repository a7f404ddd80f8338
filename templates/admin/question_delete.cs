<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses">Courses</a> › <a href="/admin/courses/<?cs var:Course.Id ?>"><?cs var:Course.Code ?> <?cs var:Course.Name ?></a> › <a href="/admin/courses/<?cs var:Course.Id ?>/assessment">Assessment</a></p>
<h1>Delete a question</h1>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="delete-title">
  <h2 id="delete-title">Delete question <?cs var:Question.Number ?>?</h2>
  <blockquote><p><?cs var:Question.Prompt ?></p></blockquote>
  <p>The question and its <?cs var:Question.Options ?> options are deleted, and later attempts do not include it.<?cs if:Assessment.Attempts > 0 ?> The <?cs var:Assessment.Attempts ?> attempts made so far keep their scores and results, but lose the answers chosen for this question.<?cs /if ?></p>
  <form method="post" action="/admin/questions/<?cs var:Question.Id ?>/delete" class="dialog-actions">
    <?cs call:csrf_field() ?>
    <button type="submit" class="button button-danger">Delete question</button>
    <a class="button" href="/admin/courses/<?cs var:Course.Id ?>/assessment">Keep it</a>
  </form>
</section>
<?cs /def ?>
