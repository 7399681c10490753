FROM node base image
