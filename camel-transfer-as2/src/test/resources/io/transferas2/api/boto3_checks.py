"""Drives the transfer-as2 API with boto3 (and the AWS CLI when present) as an AWS Transfer user would.

Run by Boto3AndCliTest with ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, CERT_PEM and KEY_PEM set.
Exits non-zero with the failed checks listed; prints one line per check.
"""
import json
import os
import subprocess
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ROLE = "arn:aws:iam::000000000000:role/as2"
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else " " + str(detail)))
    if not condition:
        failures.append(name)


def error_code(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"]
    return None


# parameter_validation off: the server, not botocore, must refuse what the model refuses
client = boto3.client("transfer", endpoint_url=os.environ["ENDPOINT"], region_name="eu-west-1",
                      config=Config(parameter_validation=False, retries={"max_attempts": 1}))

cert = client.import_certificate(Usage="SIGNING", Certificate=os.environ["CERT_PEM"],
                                 PrivateKey=os.environ["KEY_PEM"], Description="boto3-signing")["CertificateId"]
local = client.create_profile(As2Id="BOTO LOCAL", ProfileType="LOCAL", CertificateIds=[cert])["ProfileId"]
partner = client.create_profile(As2Id="BOTO-PARTNER", ProfileType="PARTNER")["ProfileId"]
server = client.create_server(Protocols=["AS2"])["ServerId"]
connector = client.create_connector(Url="https://partner.example.com/as2", AccessRole=ROLE,
                                    As2Config={"LocalProfileId": local, "PartnerProfileId": partner})["ConnectorId"]

described = client.describe_connector(ConnectorId=connector)["Connector"]
check("DescribeConnector has Status and EgressType", described.get("Status") == "ACTIVE"
      and described.get("EgressType") == "SERVICE_MANAGED", described)
server_out = client.describe_server(ServerId=server)["Server"]
check("DescribeServer has UserCount and Domain", server_out.get("UserCount") == 0 and server_out.get("Domain") == "S3",
      server_out)
check("Serial fits CertSerial", len(client.describe_certificate(CertificateId=cert)["Certificate"]["Serial"]) <= 48)

check("malformed ID is a ValidationException",
      error_code(lambda: client.describe_connector(ConnectorId="c-DEADBEEF")) == "ValidationException")
try:
    client.describe_connector(ConnectorId="c-00000000000000000")
    check("an unknown ID raises client.exceptions.ResourceNotFoundException", False, "found")
except client.exceptions.ResourceNotFoundException:
    check("an unknown ID raises client.exceptions.ResourceNotFoundException", True)
try:
    client.import_certificate(Usage="SIGNING",
                              Certificate="-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n")
    check("bad PEM raises client.exceptions.InvalidRequestException", False, "accepted")
except client.exceptions.InvalidRequestException:
    check("bad PEM raises client.exceptions.InvalidRequestException", True)
check("a missing AccessRole is refused",
      error_code(lambda: client.create_connector(Url="https://x.example.com", As2Config={
          "LocalProfileId": local, "PartnerProfileId": partner})) == "ValidationException")
check("a Description with a space is refused",
      error_code(lambda: client.update_certificate(CertificateId=cert, Description="has space"))
      == "ValidationException")
check("As2Id 42 is a SerializationException",
      error_code(lambda: client.create_profile(As2Id=42, ProfileType="PARTNER")) == "SerializationException")
arn = described["Arn"]
check("ListTagsForResource on an unknown ARN answers a modelled error", error_code(
      lambda: client.list_tags_for_resource(Arn=arn.replace(connector, "c-00000000000000000")))
      == "InvalidRequestException")
page = client.list_profiles(MaxResults=1)
check("a ListProfiles token is refused by ListConnectors", error_code(
      lambda: client.list_connectors(NextToken=page["NextToken"])) == "InvalidNextTokenException")
ids = [p["ProfileId"] for p in client.get_paginator("list_profiles").paginate(PaginationConfig={"PageSize": 1})
       .build_full_result()["Profiles"]]
check("the paginator visits every profile once", sorted(ids) == sorted([local, partner]), ids)
client.update_server(ServerId=server, LoggingRole=ROLE)
client.update_server(ServerId=server, LoggingRole="")
check("LoggingRole '' removes the role", "LoggingRole" not in client.describe_server(ServerId=server)["Server"])

try:
    subprocess.run(["aws", "--version"], capture_output=True, check=True)
    cli = "aws"
except (OSError, subprocess.CalledProcessError):
    cli = None
if cli:
    env = dict(os.environ, AWS_DEFAULT_REGION="eu-west-1", AWS_CONFIG_FILE=os.devnull)
    out = subprocess.run([cli, "transfer", "describe-connector", "--endpoint-url", os.environ["ENDPOINT"],
                          "--connector-id", connector, "--output", "json"], capture_output=True, text=True, env=env)
    check("aws transfer describe-connector", out.returncode == 0
          and json.loads(out.stdout)["Connector"]["ConnectorId"] == connector, out.stderr)
    bad = subprocess.run([cli, "transfer", "describe-connector", "--endpoint-url", os.environ["ENDPOINT"],
                          "--connector-id", "c-DEADBEEFDEADBEEFD"], capture_output=True, text=True, env=env)
    # the CLI checks lengths itself; a pattern only the server checks
    check("aws transfer reports the ValidationException", bad.returncode != 0 and "ValidationException" in bad.stderr,
          (bad.returncode, bad.stdout, bad.stderr))

print("boto3 checks: %d failing" % len(failures))
sys.exit(1 if failures else 0)
