# The iris training image for `runtime: kubernetes`, where the pod sees no
# workspace: train.py is baked in, and the AWS CLI reads the data from
# MLOPS_DATA_URL and writes the results to MLOPS_OUTPUT_URL.
#
# Build it from a context folder that holds train.py only (README.md, "On
# Kubernetes"): the example folder's .dockerignore keeps everything out, for
# the Docker image, which gets train.py mounted instead. With the code in the
# image, its digest (what the lineage pins) pins the code as well.
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}

RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-sklearn python3-pandas awscli \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /work
COPY train.py /work/train.py
