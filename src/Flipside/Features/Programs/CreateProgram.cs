using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Features.Training;

namespace Flipside.Features.Programs;

/// <summary>A program manager (or administrator) creates a program and becomes one of its managers.</summary>
public static class CreateProgram
{
    public static async Task<Outcome<Guid>> Handle(ProgramInput input, Viewer creator, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!creator.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators create programs.");
        if (input.Normalise() is { Count: > 0 } errors) return Outcome.Invalid(errors);
        if (await ProgramNames.Taken(input.Name, null, db, ct) is { } taken) return taken;
        var program = new MentoringProgram(input.Name, creator.UserId, clock.GetUtcNow());
        input.ApplyTo(program);
        db.Programs.Add(program);
        // A new program requires the built-in training by default; its managers choose otherwise on its training page.
        db.TrainingRequirements.AddRange(TrainingCatalogue.Defaults(program.Id));
        db.Record(creator, program.CreatedAt, "program.created", "Program", program.Id, program.Name);
        await db.SaveChangesAsync(ct);
        return program.Id;
    }
}
