using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Features.Training;
using Flipside.Infrastructure.Startup;

namespace Flipside.Infrastructure.Demo;

/// <summary>The demo's participants take their required training as a person would: acknowledge each module and answer its questions.</summary>
public static class DemoTraining
{
    public static async Task CompleteRequired(Guid programId, Viewer participant, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        foreach (var enrolment in (await MyTraining.Handle(participant, db, clock, ct)).Where(e => e.ProgramId == programId))
        {
            var catalogue = await TrainingCatalogue.ForProgram(programId, db, ct);
            foreach (var module in enrolment.Modules.Where(m => !m.Done))
            {
                var answers = CheckQuestions.Parse(catalogue.Single(m => m.Key == module.Key).Questions).Questions.Select(q => (int?)(q.Right + 1)).ToList();
                var result = await CompleteModule.Handle(new(programId, module.Key, true, answers), participant, db, clock, ct);
                if (!result.IsOk || !result.Value.Completed) throw new StartupException($"The demo could not complete the training module \"{module.Title}\".");
            }
        }
    }
}
