# Settings of the billing service. The planted credentials are filled in when the test runs.
import os

AWS_ACCESS_KEY_ID = "{{plant:aws-access-key-id}}"
aws_secret_access_key = "{{plant:aws-secret-access-key}}"
GITHUB_TOKEN = "{{plant:github-token}}"
STRIPE_KEY = "{{plant:stripe-live-key}}"
SENDGRID_API_KEY = "{{plant:sendgrid-api-key}}"
DATABASE_URL = "postgres://billing:{{plant:database-url-password}}@db.internal:5432/billing"
db_password = "{{plant:generic-password}}"

# Near misses: the documented example key, a placeholder, an environment lookup and a vouched-for line.
EXAMPLE_KEY_ID = "{{miss:aws-example-key-id}}"
PASSWORD = "changeme"
API_KEY = os.environ["API_KEY"]
LEGACY_TOKEN = "{{miss:ignored-token}}"  # amas:ignore
