using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Programs;

/// <summary>A program manager (or administrator) creates a program and becomes one of its managers.</summary>
public static class CreateProgram
{
    public sealed record Result(Guid? ProgramId, IReadOnlyList<FieldError> Errors);

    public static async Task<Result> Handle(ProgramInput input, ProgramViewer creator, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Normalise();
        if (errors.Count > 0) return new(null, errors);
        var program = new MentoringProgram(input.Name, creator.UserId, clock.GetUtcNow());
        input.ApplyTo(program);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return new(program.Id, FieldErrors.None);
    }
}
