using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Flipside.LoadBench;

/// <summary>
/// A program at the size issue 12 names for program health: a new program (managed by the demo's first program's
/// managers) with one running cohort of published pairings, a few meetings each, most agreements signed, some open
/// flags, two surveys with their participation rows and pulse answers from everyone over six months. Written straight to
/// a demo database the app is not serving. Seeded, so every run builds the same program.
/// </summary>
public static class HealthSeeder
{
    public static async Task<int> Seed(string dataDirectory, int pairings, int answers)
    {
        var file = Path.Combine(Path.GetFullPath(dataDirectory), "flipside.db");
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"no database at {file}: start the app once with --demo --data {dataDirectory}, stop it, then seed");
            return 1;
        }
        await using var db = new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite($"Data Source={file}").Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var demo = await db.Programs.Include(p => p.Managers).OrderBy(p => p.CreatedAt).FirstOrDefaultAsync();
        if (demo is null || demo.Managers.Count == 0)
        {
            Console.Error.WriteLine("the database has no managed program: seed a demo database (--demo)");
            return 1;
        }
        // The demo's program manager, whose cookie the script measures with; else whoever manages the first program.
        var managerId = await db.Users.Where(u => u.Email == "manager@flipside.demo").Select(u => u.Id).FirstOrDefaultAsync() ?? demo.Managers[0].UserId;
        var now = DateTimeOffset.UtcNow;
        var started = now.AddDays(-7 * 26);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var tag = now.ToString("HHmmss", CultureInfo.InvariantCulture);
        var program = new MentoringProgram($"Health benchmark {tag}", managerId, started)
        {
            Purpose = "Program health at scale.", FocusAreas = ["Digital tools", "Social media", "AI and emerging technology"],
        };
        db.Programs.Add(program);
        var cohort = new Cohort(program.Id, "Wave 1", DateOnly.FromDateTime(started.UtcDateTime), today.AddMonths(3), pairings);
        cohort.MoveTo(CohortStatus.Enrolling, 0);
        cohort.MoveTo(CohortStatus.Matching, 0);
        cohort.MoveTo(CohortStatus.Active, pairings);
        db.Cohorts.Add(cohort);
        var surveys = new[]
        {
            new Survey(program.Id, cohort.Id, SurveyKind.Baseline, "Baseline", started.AddDays(-14), started, Anonymity.DefaultThreshold,
                Instruments.BuiltIn(SurveyKind.Baseline, program.FocusAreas), started.AddDays(-14)),
            new Survey(program.Id, cohort.Id, SurveyKind.Midpoint, "Midpoint check-in", started.AddDays(84), started.AddDays(98), Anonymity.DefaultThreshold,
                Instruments.BuiltIn(SurveyKind.Midpoint, program.FocusAreas), started.AddDays(84)),
            // Closed two days ago, so the impact report has a baseline and a final to compare.
            new Survey(program.Id, cohort.Id, SurveyKind.Final, "Final survey", now.AddDays(-16), now.AddDays(-2), Anonymity.DefaultThreshold,
                Instruments.BuiltIn(SurveyKind.Final, program.FocusAreas), now.AddDays(-16)),
        };
        db.Surveys.AddRange(surveys);

        var random = new Random(20261207);
        var reasons = new Pairing.Reasons(["Seeded for the benchmark"], ["Seeded"], ["Seeded"]);
        var perPerson = Math.Max(1, answers / (2 * pairings));
        var (meetingCount, pulseCount, surveyAnswers) = (0, 0, 0);
        for (var i = 0; i < pairings; i++)
        {
            var enrollments = new Guid[2];
            var pseudonyms = new string[2];
            foreach (var mentor in new[] { true, false })
            {
                var id = $"{(mentor ? "HM" : "HL")}{tag}{i:D5}";
                var person = new Person(id)
                {
                    Name = $"{(mentor ? "Mentor" : "Leader")} {i:D5}", Email = $"{id.ToLowerInvariant()}@bench.example", Grade = mentor ? 3 : 9,
                    Department = "Operations", Location = "London", TimeZone = "Europe/London", Languages = "en", Title = mentor ? "Analyst" : "Director",
                };
                db.People.Add(person);
                var enrollment = Enrollment.Invite(cohort.Id, person.Id, mentor ? ParticipantRole.Mentor : ParticipantRole.Mentee, started);
                enrollment.Accept(needsManagerApproval: false, approvalTokenHash: null, started);
                db.Enrollments.Add(enrollment);
                enrollments[mentor ? 0 : 1] = enrollment.Id;
                // As long as the app's keyed hashes, so the grouped pulse query moves as many bytes as it would.
                pseudonyms[mentor ? 0 : 1] = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
                var role = mentor ? ParticipantRole.Mentor : ParticipantRole.Mentee;
                foreach (var survey in surveys.Where(_ => random.Next(10) < 7))
                {
                    db.SurveyParticipations.Add(new SurveyParticipation(survey.Id, enrollment.Id, DateOnly.FromDateTime(survey.OpensAt.UtcDateTime)));
                    if (survey.Kind == SurveyKind.Midpoint) continue;
                    var asked = survey.Questions.Where(q => q.Audience == QuestionAudience.Both || q.Audience == (mentor ? QuestionAudience.Mentor : QuestionAudience.Mentee));
                    // The final's answers sit a little higher than the baseline's, as a program that works would move them.
                    var lift = survey.Kind == SurveyKind.Final ? 1 : 0;
                    db.SurveyResponses.Add(new SurveyResponse(survey.Id, pseudonyms[mentor ? 0 : 1], role,
                        asked.Select(q => new SurveyAnswer { Key = q.Key, Value = Math.Clamp(q.Min + random.Next(q.Max - q.Min + 1) + lift * random.Next(2), q.Min, q.Max) }), null));
                    surveyAnswers += asked.Count();
                }
            }
            var pairing = new Pairing(cohort.Id, enrollments[0], enrollments[1], 100, reasons, null, started);
            pairing.Approve("bench", started);
            pairing.Publish(started);
            db.Pairings.Add(pairing);
            var meetings = 3 + random.Next(6);
            for (var m = 0; m < meetings; m++, meetingCount++)
            {
                var at = started.AddDays(7 + m * 26 * 7 / meetings).AddHours(random.Next(-48, 48));
                var meeting = new Meeting(pairing.Id, at, 60, null, ParticipantRole.Mentor, at.AddDays(-7));
                if (random.Next(10) == 0) meeting.Cancel(random.Next(2) == 0 ? ParticipantRole.Mentor : ParticipantRole.Mentee, at.AddHours(-12));
                else if (at < now)
                {
                    meeting.Accept(ParticipantRole.Mentee, at.AddDays(-6));
                    meeting.Log(ParticipantRole.Mentor, true, null, null, [], at.AddHours(2));
                }
                db.Meetings.Add(meeting);
            }
            if (random.Next(10) < 8) db.Agreements.Add(Signed(pairing.Id, started));
            if (random.Next(50) == 0) db.PairFlags.Add(new PairFlag(pairing.Id, random.Next(2) == 0 ? PairFlagKind.LowPulse : PairFlagKind.SafetyConcern, today.AddDays(-random.Next(60))));
            for (var side = 0; side < 2; side++)
                for (var a = 0; a < perPerson && pulseCount < answers; a++, pulseCount++)
                {
                    var month = DateOnly.FromDateTime(started.AddDays(30 * (a % 6) + 15).UtcDateTime);
                    var role = side == 0 ? ParticipantRole.Mentor : ParticipantRole.Mentee;
                    db.PulseAnswers.Add(new PulseAnswer(program.Id, cohort.Id, pseudonyms[side], role, month, 2 + random.Next(4), side == 0 ? 2 + random.Next(4) : null));
                }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        Console.WriteLine($"program {program.Id}");
        Console.WriteLine($"cohort {cohort.Id}");
        Console.Error.WriteLine($"{pairings} published pairings, {meetingCount} meetings, {pulseCount} pulse answers, {surveyAnswers} baseline and final survey answers");
        return 0;
    }

    private static Agreement Signed(Guid pairingId, DateTimeOffset started)
    {
        var agreement = new Agreement(pairingId, [new AgreementSection("purpose", "Purpose", "Learn together.", true, false)], started.AddDays(1));
        agreement.Sign(ParticipantRole.Mentor, 1, started.AddDays(2));
        agreement.Sign(ParticipantRole.Mentee, 1, started.AddDays(3));
        return agreement;
    }
}
