using Flipside.Domain;

namespace Flipside.Features.Pairings;

/// <summary>The emails of self-matching: to the mentor when asked and reminded; to the leader when answered or expired.</summary>
public static class MentorRequestEmails
{
    public const string AskedKind = "mentor-request";
    public const string ReminderKind = "mentor-request-reminder";

    public static OutboxMessage Asked(MentorRequest request, MentoringProgram program, string leaderName, Person mentor, string baseUrl, DateTimeOffset now) =>
        new OutboxMessage(mentor.Email, $"{leaderName} would like you as their {program.MentorLabel} in {program.Name}", $"""
            Hello {mentor.Name},

            {leaderName} has asked you to be their {program.MentorLabel} in {program.Name}.
            {Why(request)}
            Please accept or decline by {request.AnswerBy:d MMMM yyyy}. Declining is fine: {leaderName} will simply choose someone else.

            {baseUrl}/Pairings/Requests
            """, null, now).ForProgram(program.Id).About(AskedKind, $"mentor-request:{request.Id}");

    public static OutboxMessage Reminder(MentorRequest request, MentoringProgram program, Person mentor, string leaderName, string baseUrl, DateTimeOffset now) =>
        new OutboxMessage(mentor.Email, $"Reminder: {leaderName} is waiting for your answer", $"""
            Hello {mentor.Name},

            {leaderName} asked you to be their {program.MentorLabel} in {program.Name} and is waiting for your answer.
            The request expires on {request.AnswerBy:d MMMM yyyy}.

            {baseUrl}/Pairings/Requests
            """, null, now).ForProgram(program.Id).About(ReminderKind, $"mentor-request:{request.Id}");

    public static OutboxMessage Accepted(MentorRequest request, MentoringProgram program, Person leader, string mentorName, string baseUrl, DateTimeOffset now) =>
        ToLeader(request, program, leader, $"{mentorName} accepted your request", $"""
            {mentorName} accepted to be your {program.MentorLabel} in {program.Name}.
            The program manager publishes the pairing, and you will both get an introduction with what comes next.
            """, baseUrl, now, "accepted");

    public static OutboxMessage Declined(MentorRequest request, MentoringProgram program, Person leader, string mentorName, string baseUrl, DateTimeOffset now) =>
        ToLeader(request, program, leader, $"Choose another {program.MentorLabel} in {program.Name}", $"""
            {mentorName} cannot take you on this time. That is no judgement on you: mentors have limited room.
            Your other suggestions are waiting.
            """, baseUrl, now, "declined");

    public static OutboxMessage Expired(MentorRequest request, MentoringProgram program, Person leader, string mentorName, string baseUrl, DateTimeOffset now) =>
        ToLeader(request, program, leader, $"Your request in {program.Name} expired", $"""
            {mentorName} did not answer your request in time, so it has expired. You can choose another {program.MentorLabel}, or ask again.
            """, baseUrl, now, "expired");

    private static OutboxMessage ToLeader(MentorRequest request, MentoringProgram program, Person leader, string subject, string text, string baseUrl, DateTimeOffset now, string what) =>
        new OutboxMessage(leader.Email, subject, $"""
            Hello {leader.Name},

            {text}
            {baseUrl}/Pairings/Suggestions?cohortId={request.CohortId}
            """, null, now).ForProgram(program.Id).About("mentor-request-" + what, $"mentor-request:{request.Id}");

    private static string Why(MentorRequest request) => request.MentorReasons.Count == 0 ? ""
        : "\nWhy you would make a good pair:\n" + string.Join("\n", request.MentorReasons.Select(r => $"- {r}")) + "\n";
}
