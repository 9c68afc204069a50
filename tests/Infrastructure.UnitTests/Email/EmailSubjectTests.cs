using Crm.Application.Common.Email;
using Crm.Infrastructure.Email;

namespace Crm.Infrastructure.UnitTests.Email;

public sealed class EmailSubjectTests
{
    [Test]
    public void A_line_break_in_a_quoted_name_cannot_end_the_subject_header()
    {
        var (subject, _, _) = new EmailTemplates().Render(EmailTemplate.Invitation, new Dictionary<string, object?>
        {
            ["inviter"] = "Eve\r\nBcc: victim@example.com",
            ["organization"] = "Acme\n\tInc\0",
            ["link"] = "https://crm.example/invite",
        });

        subject.ShouldBe("Eve Bcc: victim@example.com invited you to Acme Inc on Crm");
    }
}
